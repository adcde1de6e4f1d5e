using System.Net;
using System.Text.RegularExpressions;

namespace EnterpriseEval.Service.Tests.Support;

/// <summary>
/// A browser's session with the web app on the test server: keeps the cookies it is given (sign-in, anti-forgery,
/// messages), sends them back, and fills forms with the anti-forgery token of the page they came from. Redirects are
/// not followed, so a test sees where it was sent.
/// </summary>
internal sealed partial class PageSession(TestService service)
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>A session signed in through the sign-in page's form, as a person does.</summary>
    public static async Task<PageSession> SignInAsync(TestService service, string userName, string password = TestService.Password)
    {
        var session = new PageSession(service);
        var answer = await session.SubmitAsync("/signin", "/signin", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"sign-in as {userName}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        return session;
    }

    public bool Has(string cookie) => _cookies.ContainsKey(cookie);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var answer = await service.Client.SendAsync(request);
        if (answer.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                var pair = value.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, content) = (pair[..equals], pair[(equals + 1)..]);
                if (content.Length == 0 || value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = content;
                }
            }
        }

        return answer;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>The page's HTML, asserting it answered 200.</summary>
    public async Task<string> PageAsync(string url)
    {
        var answer = await GetAsync(url);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)answer.StatusCode} {answer.Headers.Location} {html}");
        return html;
    }

    /// <summary>Opens <paramref name="page"/>, takes its anti-forgery token and posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, Dictionary<string, string> fields, IEnumerable<(string Field, string FileName, byte[] Content)>? files = null)
    {
        var token = TokenOf(await PageAsync(page));
        HttpContent content;
        if (files is null)
        {
            content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        }
        else
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (key, value) in fields)
            {
                multipart.Add(new StringContent(value), key);
            }

            multipart.Add(new StringContent(token), "__RequestVerificationToken");
            foreach (var (field, fileName, bytes) in files)
            {
                multipart.Add(new ByteArrayContent(bytes), field, fileName);
            }

            content = multipart;
        }

        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = content });
    }

    /// <summary>
    /// As <see cref="SubmitAsync"/> with fields that may repeat (checkboxes of one name), in order.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = TokenOf(await PageAsync(page));
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = content });
    }

    /// <summary>The anti-forgery token of a page's first form.</summary>
    public static string TokenOf(string html) =>
        TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no anti-forgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
