using System.Net;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Media;

[Collection(StarterSite.Name)]
public sealed class MediaEndpointsTests(SkillBridgeWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Get_StepWithAWideImage_RendersSrcsetOfItsVariants()
    {
        Libvips.Require();

        var image = await StepImageAsync();

        var srcset = image.GetAttribute("srcset")!;
        var src = image.GetAttribute("src")!;
        Assert.Matches("^/media/[0-9a-f]{64}-480\\.png 480w, /media/[0-9a-f]{64}\\.png 800w$", srcset);
        Assert.EndsWith(src + " 800w", srcset, StringComparison.Ordinal);
        Assert.Equal("(min-width: 48rem) 46rem, 100vw", image.GetAttribute("sizes"));
    }

    [Fact]
    public async Task Get_Variant_IsServedWithItsCheckedTypeNosniffAndImmutableCaching()
    {
        Libvips.Require();
        var variant = (await StepImageAsync()).GetAttribute("srcset")!.Split(' ')[0];

        using var response = await _client.GetAsync(variant);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await response.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Theory]
    [InlineData("/media/0000000000000000000000000000000000000000000000000000000000000000-480.png")]
    [InlineData("/media/0000000000000000000000000000000000000000000000000000000000000000-0480.png")]
    [InlineData("/media/0000000000000000000000000000000000000000000000000000000000000000-480.svg")]
    [InlineData("/media/0000000000000000000000000000000000000000000000000000000000000000-x.png")]
    public async Task Get_UnknownOrMalformedVariant_Returns404(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<AngleSharp.Dom.IElement> StepImageAsync()
    {
        var page = await _client.GetPageAsync("/modules/share-your-screen/steps/3");
        return page.QuerySelector("#step-content img") ?? throw new InvalidOperationException("The step shows no image.");
    }
}
