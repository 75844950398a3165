using MotCua.Core.Calendar;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Calendar;

public static class CalendarApi
{
    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CalendarOptions.Section).Get<CalendarOptions>() ?? new CalendarOptions();
        services.AddSingleton(options.ToOfficeHours());
        services.AddSingleton<CalendarProvider>();
        services.AddScoped<ListDaysOffHandler>();
        services.AddScoped<SetCalendarOverrideHandler>();
        services.AddScoped<RemoveCalendarOverrideHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Calendar");
        group.MapGet("/lunar", (string? date) => ConvertLunarDates.ToLunar(date))
            .WithSummary("Solar → Vietnamese lunar date");
        group.MapGet("/solar", (string? day, string? month, string? year, string? leap) => ConvertLunarDates.ToSolar(day, month, year, leap))
            .WithSummary("Vietnamese lunar → solar date");
        group.MapGet("/holidays", ListDaysOffHandler.Endpoint)
            .WithSummary("Effective days off of a year (default schedule with official overrides)");
        group.MapGet("/deadline", ComputeDeadline.Endpoint)
            .WithSummary("Due moment of a time limit from a reception moment");
        group.MapGet("/overrides", async (string? year, ListDaysOffHandler handler, CancellationToken ct) =>
            {
                var q = new Infrastructure.Http.QueryParsing();
                var y = q.RequiredInt(year, "year", ListDaysOffHandler.MinYear, ListDaysOffHandler.MaxYear);
                return q.Ok ? Results.Ok((await handler.HandleAsync(y!.Value, ct)).Overrides) : Infrastructure.Http.Problems.Validation(q.Errors);
            })
            .WithSummary("Official overrides of a year");
        group.MapPut("/overrides/{date}", SetCalendarOverrideHandler.Endpoint)
            .RequireAuthorization(Permissions.CalendarManage)
            .WithSummary("Set the official decision for a date (DayOff or WorkingDay)");
        group.MapDelete("/overrides/{date}", RemoveCalendarOverrideHandler.Endpoint)
            .RequireAuthorization(Permissions.CalendarManage)
            .WithSummary("Remove the official decision for a date");
        return app;
    }
}
