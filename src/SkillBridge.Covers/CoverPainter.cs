using SkiaSharp;

namespace SkillBridge.Covers;

/// <summary>
/// Draws covers (800 × 450, the 16:9 the cards show) and the logo from plain shapes: no fonts and no outside art, so
/// the same source gives the same PNGs on any machine with this SkiaSharp.
/// </summary>
public static class CoverPainter
{
    public const int Width = 800;
    public const int Height = 450;

    private static readonly SKColor White = SKColors.White;
    private static readonly SKColor Accent = new(0xFF, 0xC9, 0x4D);
    private static readonly SKColor Alert = new(0xE8, 0x4A, 0x3C);
    private static readonly SKColor Good = new(0x3C, 0xC4, 0x7A);

    /// <summary>Background colour and pattern per category, the same family the site's category tiles use.</summary>
    public static SKColor CategoryColour(string category) => category switch
    {
        "tools" => new SKColor(0x1D, 0x4E, 0x89),
        "social-media" => new SKColor(0x7A, 0x2E, 0x6B),
        "work-hacks" => new SKColor(0x0F, 0x6B, 0x5C),
        _ => new SKColor(0x44, 0x4B, 0x55),
    };

    public static byte[] Cover(CoverSpec spec)
    {
        using var bitmap = new SKBitmap(Width, Height);
        using var canvas = new SKCanvas(bitmap);
        var colour = CategoryColour(spec.Category);
        canvas.Clear(colour);
        Pattern(canvas, spec.Category);
        canvas.Save();
        canvas.Translate(Width / 2f, Height / 2f + 5);
        Draw(canvas, spec.Motif, colour);
        canvas.Restore();
        return Encode(bitmap);
    }

    /// <summary>The SkillBridge mark: a bridge arch over two piers on a rounded square.</summary>
    public static byte[] Logo(int size)
    {
        using var bitmap = new SKBitmap(size, size);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        canvas.Scale(size / 100f);
        using (var fill = Fill(new SKColor(0x1D, 0x4E, 0x89)))
        {
            canvas.DrawRoundRect(0, 0, 100, 100, 22, 22, fill);
        }

        using var arch = Stroke(Accent, 9);
        using var builder = new SKPathBuilder();
        builder.MoveTo(14, 62);
        builder.QuadTo(50, 14, 86, 62);
        using var path = builder.Detach();
        canvas.DrawPath(path, arch);
        using var deck = Stroke(White, 8);
        canvas.DrawLine(10, 66, 90, 66, deck);
        canvas.DrawLine(30, 66, 30, 84, deck);
        canvas.DrawLine(70, 66, 70, 84, deck);
        using var hanger = Stroke(White, 4);
        foreach (var x in new[] { 40f, 50f, 60f })
        {
            canvas.DrawLine(x, 66, x, x == 50f ? 40 : 44, hanger);
        }

        return Encode(bitmap);
    }

    private static byte[] Encode(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void Pattern(SKCanvas canvas, string category)
    {
        using var soft = Fill(White.WithAlpha(0x1C));
        using var line = Stroke(White.WithAlpha(0x1C), 10);
        switch (category)
        {
            case "tools":
                for (var x = 20; x < Width; x += 40)
                {
                    for (var y = 20; y < Height; y += 40)
                    {
                        canvas.DrawCircle(x, y, 4, soft);
                    }
                }

                break;
            case "social-media":
                for (var r = 60; r < 900; r += 60)
                {
                    canvas.DrawCircle(0, Height, r, line);
                }

                break;
            default:
                for (var x = -Height; x < Width; x += 48)
                {
                    canvas.DrawLine(x, Height, x + Height, 0, line);
                }

                break;
        }
    }

    private static SKPaint Fill(SKColor colour) => new() { Color = colour, IsAntialias = true, Style = SKPaintStyle.Fill };

    private static SKPaint Stroke(SKColor colour, float width) =>
        new() { Color = colour, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round };

    private static void Box(SKCanvas c, float x, float y, float w, float h, SKColor colour, float radius = 14)
    {
        using var paint = Fill(colour);
        c.DrawRoundRect(x, y, w, h, radius, radius, paint);
    }

    private static void Outline(SKCanvas c, float x, float y, float w, float h, SKColor colour, float width, float radius = 14)
    {
        using var paint = Stroke(colour, width);
        c.DrawRoundRect(x, y, w, h, radius, radius, paint);
    }

    private static void Dot(SKCanvas c, float x, float y, float r, SKColor colour)
    {
        using var paint = Fill(colour);
        c.DrawCircle(x, y, r, paint);
    }

    private static void Line(SKCanvas c, float x1, float y1, float x2, float y2, SKColor colour, float width)
    {
        using var paint = Stroke(colour, width);
        c.DrawLine(x1, y1, x2, y2, paint);
    }

    private static void Polygon(SKCanvas c, SKColor colour, params SKPoint[] points)
    {
        using var path = PathThrough(points, close: true);
        using var paint = Fill(colour);
        c.DrawPath(path, paint);
    }

    private static SKPath PathThrough(SKPoint[] points, bool close)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(points[0]);
        foreach (var point in points.Skip(1))
        {
            builder.LineTo(point);
        }

        if (close)
        {
            builder.Close();
        }

        return builder.Detach();
    }

    private static void Polyline(SKCanvas c, SKColor colour, float width, params SKPoint[] points)
    {
        using var path = PathThrough(points, close: false);
        using var paint = Stroke(colour, width);
        c.DrawPath(path, paint);
    }

    /// <summary>Text lines as bars: a page, a message or a post, without any letters.</summary>
    private static void TextLines(SKCanvas c, float x, float y, float w, int count, SKColor colour, float gap = 22, float thickness = 9)
    {
        for (var i = 0; i < count; i++)
        {
            var length = i == count - 1 ? w * 0.6f : w * (i % 2 == 0 ? 1f : 0.85f);
            Line(c, x, y + i * gap, x + length, y + i * gap, colour, thickness);
        }
    }

    private static void Check(SKCanvas c, float x, float y, float size, SKColor colour, float width = 10) =>
        Polyline(c, colour, width, new SKPoint(x - size * 0.5f, y), new SKPoint(x - size * 0.15f, y + size * 0.35f), new SKPoint(x + size * 0.55f, y - size * 0.4f));

    private static void Sparkle(SKCanvas c, float x, float y, float r, SKColor colour) =>
        Polygon(c, colour,
            new SKPoint(x, y - r), new SKPoint(x + r * 0.25f, y - r * 0.25f), new SKPoint(x + r, y), new SKPoint(x + r * 0.25f, y + r * 0.25f),
            new SKPoint(x, y + r), new SKPoint(x - r * 0.25f, y + r * 0.25f), new SKPoint(x - r, y), new SKPoint(x - r * 0.25f, y - r * 0.25f));

    private static void Envelope(SKCanvas c, float x, float y, float w, float h, SKColor paper, SKColor ink)
    {
        Box(c, x, y, w, h, paper, 10);
        Polyline(c, ink, 8, new SKPoint(x + 8, y + 10), new SKPoint(x + w / 2, y + h * 0.55f), new SKPoint(x + w - 8, y + 10));
    }

    private static void Magnifier(SKCanvas c, float x, float y, float r, SKColor colour)
    {
        using var ring = Stroke(colour, r * 0.28f);
        c.DrawCircle(x, y, r, ring);
        Line(c, x + r * 0.75f, y + r * 0.75f, x + r * 1.7f, y + r * 1.7f, colour, r * 0.36f);
    }

    private static void Padlock(SKCanvas c, float x, float y, float w, SKColor body, SKColor shackle)
    {
        using var arc = Stroke(shackle, w * 0.14f);
        c.DrawArc(new SKRect(x + w * 0.2f, y - w * 0.45f, x + w * 0.8f, y + w * 0.2f), 180, 180, false, arc);
        Line(c, x + w * 0.2f, y - w * 0.12f, x + w * 0.2f, y + w * 0.1f, shackle, w * 0.14f);
        Line(c, x + w * 0.8f, y - w * 0.12f, x + w * 0.8f, y + w * 0.1f, shackle, w * 0.14f);
        Box(c, x, y, w, w * 0.8f, body, w * 0.12f);
    }

    private static void Calendar(SKCanvas c, float x, float y, float w, float h, SKColor paper, SKColor header, SKColor ink)
    {
        Box(c, x, y, w, h, paper, 16);
        Box(c, x, y, w, 46, header, 16);
        c.Save();
        Box(c, x, y + 30, w, 16, header, 0);
        c.Restore();
        Line(c, x + w * 0.28f, y - 12, x + w * 0.28f, y + 16, ink, 10);
        Line(c, x + w * 0.72f, y - 12, x + w * 0.72f, y + 16, ink, 10);
    }

    private static void Draw(SKCanvas c, Motif motif, SKColor bg)
    {
        var soft = White.WithAlpha(0x55);
        switch (motif)
        {
            case Motif.OneWindowShared:
                // A monitor full of dim windows, one of them lit and outlined: only that one is shared.
                Box(c, -190, -140, 380, 240, White.WithAlpha(0x33), 18);
                Box(c, -170, -120, 150, 100, soft, 8);
                Box(c, 10, -40, 150, 110, soft, 8);
                Box(c, -120, -70, 200, 140, White, 10);
                Outline(c, -130, -80, 220, 160, Accent, 8, 14);
                TextLines(c, -100, -35, 150, 4, bg, 22, 8);
                Line(c, -40, 100, -40, 135, White.WithAlpha(0x55), 16);
                Line(c, -90, 140, 10, 140, White.WithAlpha(0x55), 14);
                break;
            case Motif.VideoMeeting:
                for (var i = 0; i < 4; i++)
                {
                    var x = -190 + (i % 2) * 160;
                    var y = -150 + (i / 2) * 120;
                    Box(c, x, y, 150, 110, i == 0 ? White : soft, 12);
                    Dot(c, x + 75, y + 42, 20, i == 0 ? bg : White);
                    Box(c, x + 45, y + 68, 60, 30, i == 0 ? bg : White, 15);
                }

                Box(c, 150, -50, 70, 56, Accent, 10);
                Polygon(c, Accent, new SKPoint(218, -22), new SKPoint(250, -48), new SKPoint(250, 4));
                Dot(c, 185, 110, 26, Alert);
                Line(c, 172, 110, 198, 110, White, 8);
                break;
            case Motif.Keyboard:
                Box(c, -220, -100, 440, 200, White, 20);
                for (var row = 0; row < 3; row++)
                {
                    for (var key = 0; key < 9; key++)
                    {
                        var highlighted = (row == 2 && key == 0) || (row == 1 && key == 4);
                        Box(c, -200 + key * 44 + row * 8, -80 + row * 48, 36, 38, highlighted ? Accent : bg.WithAlpha(0x55), 7);
                    }
                }

                Box(c, -110, 68, 220, 22, bg.WithAlpha(0x55), 7);
                Sparkle(c, 200, -120, 28, Accent);
                break;
            case Motif.Passkey:
                // A key beside a phone showing a check: something you have, used to sign in.
                Box(c, 40, -150, 150, 280, White, 24);
                Box(c, 56, -126, 118, 220, bg.WithAlpha(0x30), 10);
                Dot(c, 115, -20, 42, Good);
                Check(c, 115, -20, 50, White, 11);
                Dot(c, -130, -20, 52, Accent);
                Dot(c, -130, -20, 20, bg);
                Box(c, -84, -32, 140, 24, Accent, 6);
                Box(c, 0, -10, 18, 40, Accent, 4);
                Box(c, 30, -10, 18, 30, Accent, 4);
                break;
            case Motif.FileLink:
                Box(c, -210, -140, 170, 230, White, 14);
                TextLines(c, -185, -95, 120, 6, bg.WithAlpha(0x99), 26, 9);
                using (var chain = Stroke(Accent, 18))
                {
                    c.DrawRoundRect(-10, -40, 130, 70, 35, 35, chain);
                    c.DrawRoundRect(80, 10, 130, 70, 35, 35, chain);
                }

                Polyline(c, White.WithAlpha(0x66), 10, new SKPoint(-30, 130), new SKPoint(180, 130));
                Polygon(c, White.WithAlpha(0x66), new SKPoint(200, 130), new SKPoint(175, 114), new SKPoint(175, 146));
                break;
            case Motif.Screenshot:
                Box(c, -200, -140, 400, 260, White.WithAlpha(0x40), 14);
                Box(c, -120, -80, 230, 150, White, 8);
                TextLines(c, -95, -45, 160, 4, bg.WithAlpha(0x77), 26, 9);
                foreach (var (x, y, dx, dy) in new[] { (-130f, -90f, 1f, 1f), (120f, -90f, -1f, 1f), (-130f, 80f, 1f, -1f), (120f, 80f, -1f, -1f) })
                {
                    Polyline(c, Accent, 10, new SKPoint(x, y + dy * 40), new SKPoint(x, y), new SKPoint(x + dx * 40, y));
                }

                using (var ring = Stroke(Alert, 8))
                {
                    c.DrawOval(new SKRect(20, -40, 100, 10), ring);
                }

                Line(c, 170, -110, 105, -40, Alert, 8);
                Polygon(c, Alert, new SKPoint(98, -32), new SKPoint(102, -60), new SKPoint(124, -40));
                break;
            case Motif.ChannelsAndChats:
                Box(c, -220, -140, 160, 270, White.WithAlpha(0x40), 14);
                for (var i = 0; i < 4; i++)
                {
                    var y = -110 + i * 62;
                    Line(c, -200, y, -200 + 14, y - 26, i == 1 ? Accent : White, 6);
                    Line(c, -190, y, -190 + 14, y - 26, i == 1 ? Accent : White, 6);
                    Line(c, -206, y - 17, -172, y - 17, i == 1 ? Accent : White, 6);
                    Line(c, -208, y - 7, -174, y - 7, i == 1 ? Accent : White, 6);
                    Line(c, -155, y - 13, -155 + (i % 2 == 0 ? 70 : 55), y - 13, White, 9);
                }

                Box(c, -30, -120, 220, 90, White, 22);
                Polygon(c, White, new SKPoint(0, -34), new SKPoint(-10, -5), new SKPoint(30, -34));
                TextLines(c, -5, -92, 170, 2, bg.WithAlpha(0x99), 30, 10);
                Box(c, 20, 10, 200, 80, Accent, 22);
                Polygon(c, Accent, new SKPoint(190, 86), new SKPoint(205, 118), new SKPoint(165, 86));
                TextLines(c, 45, 38, 150, 2, bg, 26, 10);
                break;
            case Motif.PasswordVault:
                Box(c, -180, -140, 360, 270, White, 26);
                Outline(c, -160, -120, 320, 230, bg.WithAlpha(0x55), 6, 18);
                Dot(c, 0, -20, 62, bg);
                Dot(c, 0, -20, 44, Accent);
                for (var i = 0; i < 6; i++)
                {
                    var angle = i * Math.PI / 3;
                    Line(c, 0, -20, (float)(Math.Cos(angle) * 40), -20 + (float)(Math.Sin(angle) * 40), bg, 7);
                }

                for (var i = 0; i < 6; i++)
                {
                    Dot(c, -75 + i * 30, 80, 9, bg);
                }

                break;
            case Motif.PhotoGrid:
                // A phone with a grid of posts: a company's feed.
                Box(c, -110, -170, 220, 340, White, 28);
                Dot(c, -60, -120, 22, Accent);
                Line(c, -28, -124, 60, -124, bg.WithAlpha(0x88), 9);
                for (var i = 0; i < 9; i++)
                {
                    var x = -92 + (i % 3) * 62;
                    var y = -80 + (i / 3) * 62;
                    var shades = new[] { bg, bg.WithAlpha(0xAA), Accent, bg.WithAlpha(0x77) };
                    Box(c, x, y, 58, 58, shades[(i * 7 + 1) % shades.Length], 6);
                }

                Dot(c, 160, -60, 26, Alert);
                Polygon(c, Alert, new SKPoint(136, -52), new SKPoint(184, -52), new SKPoint(160, -22));
                break;
            case Motif.ProfileCard:
                Box(c, -200, -140, 400, 270, White, 18);
                Box(c, -200, -140, 400, 80, Accent, 18);
                Box(c, -200, -80, 400, 20, White, 0);
                Dot(c, -120, -60, 52, bg);
                Dot(c, -120, -75, 18, White);
                Box(c, -146, -50, 52, 30, White, 15);
                TextLines(c, -160, 30, 230, 3, bg.WithAlpha(0x99), 30, 11);
                Box(c, 90, 40, 90, 40, bg, 20);
                break;
            case Motif.PrivacyToggles:
                Box(c, -200, -140, 300, 280, White, 18);
                for (var i = 0; i < 4; i++)
                {
                    var y = -95 + i * 64;
                    var on = i % 3 == 0;
                    Line(c, -175, y, -60, y, bg.WithAlpha(0x88), 10);
                    Box(c, -20, y - 18, 80, 36, on ? Good : bg.WithAlpha(0x44), 18);
                    Dot(c, on ? 42 : -2, y, 14, White);
                }

                Padlock(c, 120, 10, 110, Accent, White);
                break;
            case Motif.Analytics:
                Box(c, -210, -140, 380, 260, White, 16);
                var heights = new[] { 60f, 110f, 80f, 150f, 120f };
                for (var i = 0; i < heights.Length; i++)
                {
                    Box(c, -180 + i * 66, 100 - heights[i], 44, heights[i], i == 3 ? Accent : bg.WithAlpha(0x77), 6);
                }

                Polyline(c, bg, 8, new SKPoint(-160, 30), new SKPoint(-94, -10), new SKPoint(-28, 10), new SKPoint(38, -60), new SKPoint(104, -40));
                Magnifier(c, 150, -70, 52, Accent);
                break;
            case Motif.Comments:
                Box(c, -220, -140, 250, 90, White, 22);
                TextLines(c, -190, -110, 190, 2, bg.WithAlpha(0x99), 30, 10);
                Box(c, -60, -30, 270, 90, Accent, 22);
                Polygon(c, Accent, new SKPoint(170, 56), new SKPoint(190, 90), new SKPoint(140, 56));
                TextLines(c, -30, 0, 200, 2, bg, 30, 10);
                Box(c, -200, 80, 200, 70, White.WithAlpha(0x99), 22);
                Dot(c, -165, 115, 14, Alert);
                Dot(c, -147, 115, 14, Alert);
                Polygon(c, Alert, new SKPoint(-178, 120), new SKPoint(-134, 120), new SKPoint(-156, 142));
                Line(c, -120, 115, -30, 115, bg.WithAlpha(0x99), 10);
                break;
            case Motif.ScheduledPost:
                Calendar(c, -210, -120, 250, 240, White, Accent, White);
                for (var i = 0; i < 12; i++)
                {
                    Box(c, -190 + (i % 4) * 56, -50 + (i / 4) * 52, 40, 38, i == 6 ? bg : bg.WithAlpha(0x33), 6);
                }

                Dot(c, 130, 40, 90, White);
                using (var ring = Stroke(bg, 10))
                {
                    c.DrawCircle(130, 40, 72, ring);
                }

                Line(c, 130, 40, 130, -10, bg, 10);
                Line(c, 130, 40, 170, 60, Accent, 10);
                break;
            case Motif.ShortVideo:
                Box(c, -100, -170, 200, 340, White, 28);
                Box(c, -84, -146, 168, 280, bg.WithAlpha(0x40), 10);
                Dot(c, 0, -10, 48, Accent);
                Polygon(c, bg, new SKPoint(-14, -34), new SKPoint(-14, 14), new SKPoint(26, -10));
                Line(c, -60, 100, 60, 100, White, 8);
                Line(c, -60, 100, -10, 100, Accent, 8);
                Dot(c, 170, -80, 30, Alert);
                Dot(c, 170, -80, 12, White);
                break;
            case Motif.WrittenPost:
                Box(c, -210, -140, 320, 270, White, 16);
                Dot(c, -170, -100, 22, bg);
                Line(c, -135, -104, -40, -104, bg.WithAlpha(0x88), 10);
                TextLines(c, -185, -45, 260, 5, bg.WithAlpha(0x99), 32, 10);
                c.Save();
                c.RotateDegrees(40, 150, -20);
                Box(c, 120, -120, 44, 200, Accent, 6);
                Polygon(c, White, new SKPoint(120, 80), new SKPoint(164, 80), new SKPoint(142, 120));
                Box(c, 120, -120, 44, 30, Alert, 6);
                c.Restore();
                break;
            case Motif.FocusCalendar:
                Calendar(c, -190, -130, 380, 270, White, Accent, White);
                for (var i = 0; i < 5; i++)
                {
                    Box(c, -170 + i * 72, -60, 60, 40, bg.WithAlpha(0x33), 6);
                    Box(c, -170 + i * 72, 40, 60, 40, bg.WithAlpha(0x33), 6);
                }

                Box(c, -170, -10, 348, 40, bg, 8);
                Sparkle(c, -150, 10, 14, Accent);
                Line(c, -125, 10, 60, 10, White, 8);
                break;
            case Motif.MeetingNotes:
                Box(c, -170, -150, 300, 300, White, 14);
                for (var i = 0; i < 4; i++)
                {
                    var y = -100 + i * 62;
                    Outline(c, -145, y - 16, 32, 32, bg, 6, 6);
                    if (i < 2)
                    {
                        Check(c, -129, y, 30, Good, 8);
                    }

                    Line(c, -95, y, 80 - (i % 2) * 50, y, bg.WithAlpha(0x99), 10);
                }

                Dot(c, 170, 70, 42, Accent);
                Polyline(c, bg, 9, new SKPoint(150, 70), new SKPoint(190, 70));
                Polygon(c, bg, new SKPoint(196, 70), new SKPoint(180, 58), new SKPoint(180, 82));
                break;
            case Motif.SearchMail:
                Envelope(c, -200, -90, 220, 150, White.WithAlpha(0x77), bg);
                Box(c, -60, -140, 170, 220, White, 10);
                TextLines(c, -38, -105, 120, 5, bg.WithAlpha(0x99), 30, 9);
                Line(c, -38, -45, 82, -45, Accent, 12);
                Magnifier(c, 120, 20, 58, Accent);
                break;
            case Motif.Phishing:
                Envelope(c, -200, -90, 280, 190, White, bg);
                using (var hook = Stroke(Accent, 12))
                {
                    c.DrawLine(150, -170, 150, 20, hook);
                    c.DrawArc(new SKRect(100, -20, 150, 60), 0, 160, false, hook);
                }

                Polygon(c, Accent, new SKPoint(98, 24), new SKPoint(118, 18), new SKPoint(106, -4));
                Dot(c, -160, 130, 30, Alert);
                Line(c, -160, 115, -160, 132, White, 8);
                Dot(c, -160, 145, 5, White);
                break;
            case Motif.Spreadsheet:
                Box(c, -210, -140, 420, 280, White, 12);
                for (var row = 0; row < 5; row++)
                {
                    for (var col = 0; col < 5; col++)
                    {
                        var header = row == 0 || col == 0;
                        var total = row == 4 && col > 0;
                        Box(c, -195 + col * 80, -125 + row * 52, 74, 46, total ? Accent : header ? bg.WithAlpha(0x66) : bg.WithAlpha(0x1E), 4);
                    }
                }

                Polyline(c, bg, 8, new SKPoint(-10, 60), new SKPoint(60, 20), new SKPoint(120, 40), new SKPoint(180, -20));
                break;
            case Motif.ThreadSummary:
                for (var i = 0; i < 4; i++)
                {
                    Envelope(c, -220 + i * 14, -120 + i * 40, 170, 110, i == 3 ? White : White.WithAlpha((byte)(0x55 + i * 0x22)), bg);
                }

                Sparkle(c, 30, -10, 36, Accent);
                Box(c, 80, -80, 140, 150, White, 12);
                TextLines(c, 100, -45, 100, 3, bg, 34, 11);
                break;
            case Motif.InboxFolders:
                Polygon(c, White, new SKPoint(-210, -10), new SKPoint(-160, -110), new SKPoint(-20, -110), new SKPoint(30, -10), new SKPoint(30, 100), new SKPoint(-210, 100));
                Polygon(c, bg.WithAlpha(0x55), new SKPoint(-190, -10), new SKPoint(-130, -10), new SKPoint(-110, 20), new SKPoint(-70, 20), new SKPoint(-50, -10), new SKPoint(10, -10), new SKPoint(10, 80), new SKPoint(-190, 80));
                for (var i = 0; i < 3; i++)
                {
                    var y = -110 + i * 80;
                    var colour = i == 0 ? Accent : White.WithAlpha((byte)(0xCC - i * 0x22));
                    Box(c, 80, y, 150, 60, colour, 8);
                    Box(c, 80, y - 12, 60, 20, colour, 6);
                }

                Polyline(c, Accent, 9, new SKPoint(40, 40), new SKPoint(70, 40));
                break;
            case Motif.Prompt:
                Box(c, -220, -60, 360, 90, White, 45);
                Line(c, -180, -15, 40, -15, bg.WithAlpha(0x99), 11);
                Dot(c, 95, -15, 30, Accent);
                Polygon(c, bg, new SKPoint(84, -30), new SKPoint(84, 0), new SKPoint(110, -15));
                Sparkle(c, 190, -110, 40, Accent);
                Sparkle(c, 150, -150, 18, White);
                Box(c, -120, 60, 260, 90, White.WithAlpha(0xAA), 22);
                TextLines(c, -95, 90, 150, 2, bg, 30, 10);
                Dot(c, 110, 105, 22, Good);
                Check(c, 110, 105, 24, White, 7);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(motif), motif, "No drawing for this motif.");
        }
    }
}
