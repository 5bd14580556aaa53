using AngleSharp.Html.Dom;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Branding;

/// <summary>Posts a page's multipart form as a browser would: its antiforgery token, the given fields and files.</summary>
public static class MultipartForms
{
    public sealed record FormFile(string Field, string FileName, byte[] Bytes);

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string formSelector, IReadOnlyDictionary<string, string> fields, params FormFile[] files)
    {
        var page = await client.GetPageAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector(formSelector)!;
        var token = ((IHtmlInputElement)form.QuerySelector("input[name='__RequestVerificationToken']")!).Value;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var file in files)
        {
            content.Add(new ByteArrayContent(file.Bytes), file.Field, file.FileName);
        }

        return await client.PostAsync(url, content);
    }
}
