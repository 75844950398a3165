using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Pages;

/// <summary>Vietnamese page for status codes of the pages (the API answers ProblemDetails instead).</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Đã có lỗi xảy ra";
    public string Message { get; private set; } = "Xin vui lòng thử lại sau.";

    public void OnGet(int status) => Describe(status);
    public void OnPost(int status) => Describe(status);

    private void Describe(int status)
    {
        (Title, Message) = status switch
        {
            404 => ("Không tìm thấy trang", "Trang hoặc thủ tục bạn tìm không tồn tại hoặc đã hết hiệu lực."),
            400 => ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không hợp lệ, vui lòng kiểm tra lại."),
            403 => ("Không có quyền truy cập", "Tài khoản của bạn không có quyền thực hiện chức năng này."),
            _ => ("Đã có lỗi xảy ra", "Hệ thống gặp sự cố, xin vui lòng thử lại sau."),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            Response.StatusCode = status;
    }
}
