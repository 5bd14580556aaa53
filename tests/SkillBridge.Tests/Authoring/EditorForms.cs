using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Authoring;

/// <summary>Posts the module editor's one big form the way a browser does: every field, to the clicked button's handler.</summary>
public static class EditorForms
{
    public static async Task<IHtmlDocument> OpenEditorAsync(this HttpClient client, string slug) =>
        await client.GetPageAsync($"/authoring/{slug}");

    public static async Task<HttpResponseMessage> PressAsync(
        this HttpClient client,
        IHtmlDocument editor,
        string handler,
        IReadOnlyDictionary<string, string>? fields = null,
        (string Name, string FileName, byte[] Bytes)? file = null)
    {
        var form = (IHtmlFormElement)editor.QuerySelector("#editor-form")!;
        var values = Fields(form);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        if (fields?.ContainsKey("Form.Body") == true)
        {
            // A test that writes the whole Markdown writes it in the Markdown view.
            values["Form.Mode"] = "markdown";
        }

        // "MoveStep&step=2&by=-1" presses the button whose address has all of these.
        var wanted = handler.Split('&').Select((part, i) => i == 0 ? "handler=" + part : part).ToList();
        var button = form.QuerySelectorAll("button").FirstOrDefault(b => wanted.All(part => (b.GetAttribute("formaction") ?? form.GetAttribute("action") ?? "").Contains(part, StringComparison.Ordinal)))
            ?? throw new Xunit.Sdk.XunitException($"The editor has no button for handler {handler}.");
        var action = button.GetAttribute("formaction") ?? form.GetAttribute("action")!;

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }

        if (file is { } upload)
        {
            content.Add(new ByteArrayContent(upload.Bytes), upload.Name, upload.FileName);
        }

        return await client.PostAsync(action, content);
    }

    /// <summary>What the editor's script sends for a pasted or dropped image: the file and the antiforgery token, to data-upload.</summary>
    public static async Task<HttpResponseMessage> PasteImageAsync(this HttpClient client, IHtmlDocument editor, string fileName, byte[] bytes)
    {
        var form = (IHtmlFormElement)editor.QuerySelector("#editor-form")!;
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes), "image", fileName },
            { new StringContent(Fields(form)["__RequestVerificationToken"]), "__RequestVerificationToken" },
        };
        return await client.PostAsync(form.GetAttribute("data-upload"), content);
    }

    public static Dictionary<string, string> Fields(IHtmlFormElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box:
                    if (box.IsChecked)
                    {
                        values[box.Name!] = "true";
                    }

                    break;
                case IHtmlInputElement { Type: "file" or "submit" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    values.TryAdd(input.Name!, input.Value);
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values[area.Name!] = area.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values[select.Name!] = select.Value ?? "";
                    break;
            }
        }

        return values;
    }
}
