using EnterpriseEval.Service.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace EnterpriseEval.Service.Web;

/// <summary>
/// Marks a page whose form uploads a roster: its POST may be as large as an upload to the API
/// (<see cref="ServiceOptions.MaxUploadBytes"/>, <see cref="ServiceOptions.MaxUploadFiles"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class RosterUploadFormAttribute : Attribute;

/// <summary>
/// The limits of a page's upload form (docs/service.md, "Uploading a roster"): before anything reads the form (the
/// anti-forgery check does), a POST to a page marked <see cref="RosterUploadFormAttribute"/> gets the upload limits of
/// the API instead of the server's defaults, and the form is read here, so that a body over the limit is the Chinese
/// 413 page and not a broken connection. Runs after authorization: nobody's body is read before their role is checked.
/// </summary>
internal sealed class UploadForms(RequestDelegate next, IOptions<ServiceOptions> options)
{
    // Room for the form's other fields (the anti-forgery token) beside the files.
    private const long FieldsAllowance = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            && context.GetEndpoint()?.Metadata.GetMetadata<RosterUploadFormAttribute>() is not null)
        {
            var o = options.Value;
            if (context.Request.ContentLength > o.MaxUploadBytes + FieldsAllowance)
            {
                throw TooLarge(o);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = o.MaxUploadBytes + FieldsAllowance;
            }

            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
            {
                MultipartBodyLengthLimit = o.MaxUploadBytes,
                ValueCountLimit = o.MaxUploadFiles + 16,
            }));
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
            {
                throw TooLarge(o);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                throw TooLarge(o);
            }
        }

        await next(context).ConfigureAwait(false);
    }

    private static ApiProblem TooLarge(ServiceOptions o) =>
        ApiProblem.TooLarge($"上传内容超过 {o.MaxUploadBytes:N0} 字节或 {o.MaxUploadFiles} 个文件的上限（配置项 {ServiceOptions.SectionName}:MaxUploadBytes、MaxUploadFiles），未保存任何内容");
}
