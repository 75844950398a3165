using System.Net.Http.Headers;

namespace MotCua.Web.Features.Integrations.DvcqgInbound;

/// <summary>
/// The bytes of one inbound document, decoded from <c>Base64</c> or fetched from <c>DuongDanTaiTepTin</c>
/// (docs/integrations/dvcqg-inbound.md#files). A fetch goes only to an http/https host listed in
/// <c>Integrations:Dvcqg:FileHosts</c> (no request reaches any other address: OWASP ASVS 5.0 1.3.6,
/// server-side request forgery), follows no redirect, has a timeout, and stops reading as soon as the
/// upload size limit is passed, so a hostile host cannot make MotCua hold more than one file's limit.
/// </summary>
public sealed class InboundFileSource(IHttpClientFactory clients, DvcqgInboundOptions options)
{
    public const string HttpClientName = "dvcqg-files";

    /// <summary>The content, or the Vietnamese reason it could not be had.</summary>
    public async Task<(MemoryStream? Content, string? Error)> GetAsync(InboundDocument document, long maxBytes, CancellationToken ct)
    {
        var name = InboundDossier.Short(document.FileName);
        if (document.Base64 is { } base64)
        {
            // Four characters carry three bytes: refuse before decoding anything too large.
            if ((long)base64.Length / 4 * 3 > maxBytes + 3)
                return (null, TooLarge(name, maxBytes));
            var bytes = new byte[base64.Length / 4 * 3 + 3];
            if (!Convert.TryFromBase64String(base64, bytes, out var written))
                return (null, $"Nội dung Base64 của tệp \"{name}\" không hợp lệ.");
            if (written > maxBytes)
                return (null, TooLarge(name, maxBytes));
            return (new MemoryStream(bytes, 0, written, writable: false, publiclyVisible: true), null);
        }
        var url = document.Url!;
        if (url.Scheme is not ("http" or "https") || !options.AllowsHost(url))
            return (null, $"Đường dẫn tải tệp \"{name}\" không thuộc máy chủ tệp được phép.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.FileTimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
                return (null, $"Không tải được tệp \"{name}\" (máy chủ tệp trả lời {(int)response.StatusCode}).");
            if (response.Content.Headers.ContentLength > maxBytes)
                return (null, TooLarge(name, maxBytes));
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var content = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, timeout.Token)) > 0)
            {
                if (content.Length + read > maxBytes)
                    return (null, TooLarge(name, maxBytes));
                content.Write(buffer, 0, read);
            }
            content.Position = 0;
            return (content, null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return (null, $"Không tải được tệp \"{name}\" từ đường dẫn đã cho (máy chủ tệp không trả lời kịp).");
        }
    }

    private static string TooLarge(string name, long maxBytes) => $"Tệp \"{name}\" vượt quá {maxBytes / 1024 / 1024} MB.";
}
