using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;

namespace SkillBridge.BrowserTests.Theming;

/// <summary>WCAG 1.4.10 Reflow: at 320 CSS pixels wide, with text up to 200%, nothing needs sideways scrolling.</summary>
[Collection(SiteInBrowser.Name)]
public sealed class ReflowTests(BrowserFixture site)
{
    private static readonly ViewportSize Narrow = new() { Width = 320, Height = 800 };

    // Lists what does not fit: the page itself when it scrolls sideways, and every visible control that reaches past the right edge.
    private const string FindOverflow = """
        () => {
          const width = window.innerWidth;
          const found = [];
          const describe = element =>
            `${element.tagName.toLowerCase()}${element.id ? "#" + element.id : ""}${element.className ? "." + element.className : ""} "${(element.textContent || element.getAttribute("name") || "").trim().replace(/\s+/g, " ").slice(0, 40)}"`;
          const scrollWidth = document.documentElement.scrollWidth;
          if (scrollWidth > width) {
            found.push(`the page scrolls sideways: scrollWidth ${scrollWidth} > innerWidth ${width}`);
            // Where it comes from: the innermost elements whose content is wider than their box.
            const spills = element => element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1;
            const spilling = [...document.body.querySelectorAll("*")].filter(element => spills(element) && ![...element.children].some(spills));
            for (const element of spilling.slice(0, 8)) {
              found.push(`  content wider than its box: ${describe(element)} needs ${element.scrollWidth} px, has ${element.clientWidth} px`);
            }
          }
          for (const element of document.querySelectorAll("button, .button, input, select, label")) {
            const box = element.getBoundingClientRect();
            if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === "hidden") {
              continue;
            }
            if (box.right > width + 0.5) {
              found.push(`${describe(element)} ends at ${Math.round(box.right)} px`);
            }
          }
          return found;
        }
        """;

    public static TheoryData<string> Pages => SitePages.Each;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_At320PixelsWithText200Percent_DoesNotScrollSideways(string path)
    {
        await using var session = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = Narrow, BypassCSP = true });
        var page = session.Page;
        await page.GotoAsync(path);
        await page.AddStyleTagAsync(new() { Content = "html { font-size: 200% !important; }" });

        var overflow = await page.EvaluateAsync<string[]>(FindOverflow);

        Assert.True(overflow.Length == 0, $"{path} at 320 px with 200% text:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_At320PixelsWithLargerTextSetting_DoesNotScrollSideways(string path)
    {
        await using var session = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = Narrow }, BrowserFixture.DisplayCookie("larger.standard"));
        var page = session.Page;
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("text-larger");

        var overflow = await page.EvaluateAsync<string[]>(FindOverflow);

        Assert.True(overflow.Length == 0, $"{path} at 320 px with the Larger text setting:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }
}
