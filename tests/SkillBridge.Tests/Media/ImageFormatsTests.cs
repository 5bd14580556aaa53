using SkillBridge.Core.Media;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Media;

public sealed class ImageFormatsTests
{
    [Fact]
    public void Identify_Png_ReturnsTypeAndSize() =>
        Assert.Equal(new ImageInfo(ImageFormats.Png, 3, 2), ImageFormats.Identify(TestImages.Png(3, 2)));

    [Fact]
    public void Identify_Svg_ReturnsNull() =>
        Assert.Null(ImageFormats.Identify("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>"u8));
}
