namespace SkillBridge.BrowserTests.Infrastructure;

/// <summary>WCAG 1.4.10 Reflow checks shared by the reflow tests.</summary>
public static class Overflow
{
    /// <summary>The narrow viewport of the reflow tests: 320 CSS pixels wide.</summary>
    public static readonly Microsoft.Playwright.ViewportSize Narrow = new() { Width = 320, Height = 800 };

    /// <summary>Doubles the root font size, like a browser's text-only zoom at 200%.</summary>
    public const string Text200Percent = "html { font-size: 200% !important; }";

    /// <summary>
    /// JavaScript for page.EvaluateAsync&lt;string[]&gt;, listing what does not fit: the page itself when it scrolls sideways,
    /// and every visible control that reaches past the right edge. Empty when everything reflows.
    /// </summary>
    public const string Find = """
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
}
