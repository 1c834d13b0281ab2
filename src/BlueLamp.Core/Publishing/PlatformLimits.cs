using System.Text.RegularExpressions;
using BlueLamp.Core.Accounts;

namespace BlueLamp.Core.Publishing;

/// <summary>
/// What each platform refuses, so the composer blocks it before sending: X's 280 weighted characters, Bluesky's 300
/// graphemes, Instagram's 2,200-character caption that needs an image, Facebook's 63,206 characters, and alt text on
/// every image. X and Bluesky count in their own ways; the counters come from their connectors (Core does no I/O and
/// knows no platform library), so what the composer shows is what the platform will count.
/// </summary>
public sealed partial class PlatformLimits(Func<string, int> xWeightedLength, Func<string, int> blueskyGraphemes)
{
    public const int XLimit = 280;
    public const int BlueskyLimit = 300;
    public const int FacebookLimit = 63_206;
    public const int InstagramCaptionLimit = 2_200;
    public const int InstagramHashtagLimit = 30;
    public const int AltTextLimit = 1_000;
    public const int ImageLimit = 4;

    /// <summary>
    /// The images a platform takes: X up to 4 of 5 MB (media upload), Bluesky up to 4 of 1,000,000 bytes (uploadBlob,
    /// app.bsky.embed.images); Instagram a carousel of up to 10 and Facebook several photos on one post, each of 8 MB,
    /// fetched from their addresses. A post carries at most <see cref="ImageLimit"/> whatever the platform.
    /// </summary>
    public static PlatformImages ImagesOn(Platform platform) => platform switch
    {
        Platform.X => new PlatformImages(4, 5 * 1024 * 1024, FetchedByPlatform: false),
        Platform.Bluesky => new PlatformImages(4, 1_000_000, FetchedByPlatform: false),
        Platform.Instagram => new PlatformImages(10, 8 * 1024 * 1024, FetchedByPlatform: true),
        _ => new PlatformImages(10, 8 * 1024 * 1024, FetchedByPlatform: true),
    };

    /// <summary>The text measured as <paramref name="platform"/> measures it.</summary>
    public PlatformMeasure Measure(Platform platform, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return platform switch
        {
            Platform.X => new PlatformMeasure(xWeightedLength(text), XLimit, "characters (X's weighting)"),
            Platform.Bluesky => new PlatformMeasure(blueskyGraphemes(text), BlueskyLimit, "characters"),
            Platform.Instagram => new PlatformMeasure(text.Length, InstagramCaptionLimit, "characters"),
            _ => new PlatformMeasure(text.Length, FacebookLimit, "characters"),
        };
    }

    /// <summary>Every reason the content cannot go to accounts on <paramref name="platforms"/>; empty when it can.</summary>
    public IReadOnlyList<PostProblem> Check(PostContent content, IEnumerable<Platform> platforms)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(platforms);
        var problems = new List<PostProblem>();
        if (string.IsNullOrWhiteSpace(content.Body))
            problems.Add(new PostProblem("body", "Write the post."));
        if (content.WelshBody is not null && content.WelshBody.Length > 0 && string.IsNullOrWhiteSpace(content.WelshBody))
            problems.Add(new PostProblem("welshBody", "The Welsh version is blank: write it or leave it empty."));
        if (content.Images.Count > ImageLimit)
            problems.Add(new PostProblem("images", $"A post can carry at most {ImageLimit} images; remove {content.Images.Count - ImageLimit}."));
        for (var i = 0; i < content.Images.Count; i++)
        {
            var image = content.Images[i];
            if (!Uri.TryCreate(image.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                problems.Add(new PostProblem($"images[{i}].url", $"Image {i + 1}: give the image's web address (https://…)."));
            if (string.IsNullOrWhiteSpace(image.AltText))
                problems.Add(new PostProblem($"images[{i}].altText", $"Image {i + 1} needs alt text: describe what it shows for people who cannot see it."));
            else if (image.AltText.Length > AltTextLimit)
                problems.Add(new PostProblem($"images[{i}].altText", $"Image {i + 1}: alt text may be {AltTextLimit} characters; this is {image.AltText.Length}."));
        }

        foreach (var platform in platforms.Distinct().Order())
        {
            if (platform == Platform.WebChat)
            {
                problems.Add(new PostProblem("accounts", "Web chat carries conversations, not posts: choose social media accounts.", platform));
                continue;
            }
            var images = ImagesOn(platform);
            if (content.Images.Count > images.MaxCount)
                problems.Add(new PostProblem("images", $"{platform} takes at most {images.MaxCount} images; remove {content.Images.Count - images.MaxCount}.", platform));
            if (platform == Platform.Instagram && content.Images.Count == 0)
                problems.Add(new PostProblem("images", "Instagram needs an image: add one (with alt text) or leave Instagram out.", platform));
            foreach (var language in content.Languages)
            {
                var text = content.TextFor(platform, language);
                if (text.Length == 0)
                    continue;
                var field = language == PostLanguage.Welsh ? "welshBody"
                    : content.Tailored?.ContainsKey(platform) == true && !string.IsNullOrWhiteSpace(content.Tailored[platform]) ? $"tailored.{platform}" : "body";
                var measure = Measure(platform, text);
                if (!measure.Fits)
                {
                    var version = language == PostLanguage.Welsh ? "The Welsh version" : "The text";
                    problems.Add(new PostProblem(field,
                        $"{version} is too long for {platform}: {measure.Length} of {measure.Limit} {measure.Unit}. Shorten it by {-measure.Remaining}"
                        + (language == PostLanguage.English ? $" or write a shorter {platform} version." : "."), platform));
                }
                if (platform == Platform.Instagram && Hashtag().Count(text) > InstagramHashtagLimit)
                    problems.Add(new PostProblem(field, $"Instagram allows {InstagramHashtagLimit} hashtags in a caption; this has {Hashtag().Count(text)}.", platform));
            }
        }
        return problems;
    }

    [GeneratedRegex(@"(?<=^|\s)#\w", RegexOptions.CultureInvariant)]
    private static partial Regex Hashtag();
}
