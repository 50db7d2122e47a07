#include "core/data/dataset_layout.h"

#include "core/data/data_error.h"
#include "core/data/natural_sort.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace mnad {
namespace fs = std::filesystem;

std::string layoutName(DatasetLayout layout)
{
    switch (layout) {
    case DatasetLayout::Mnad: return "mnad";
    case DatasetLayout::Ucsd: return "ucsd";
    case DatasetLayout::VideoFolder: return "videos";
    }
    return "unknown";
}

namespace {

std::string lowerExtension(const fs::path& file)
{
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

bool byName(const fs::path& a, const fs::path& b)
{
    return naturalLess(a.filename().string(), b.filename().string());
}

std::vector<fs::path> sortedChildren(const fs::path& dir, bool directories)
{
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec) == directories && it->path().filename().string()[0] != '.')
            out.push_back(it->path());
    }
    std::sort(out.begin(), out.end(), byName);
    return out;
}

// The trailing number of a frame name ("img_0042" → 42), or -1.
long long frameNumber(const fs::path& file)
{
    const std::string stem = file.stem().string();
    size_t end = stem.size(), begin = end;
    while (begin > 0 && std::isdigit(static_cast<unsigned char>(stem[begin - 1])))
        --begin;
    if (begin == end || end - begin > 15)
        return -1;
    return std::stoll(stem.substr(begin, end - begin));
}

VideoEntry frameFolder(const fs::path& dir, std::vector<std::string>& warnings)
{
    VideoEntry video;
    video.name = dir.filename().string();
    video.path = dir;
    size_t ignored = 0;
    for (const auto& file : sortedChildren(dir, false)) {
        if (isFrameImage(file))
            video.frames.push_back(file);
        else
            ++ignored;
    }
    if (ignored > 0)
        warnings.push_back(dir.string() + ": ignored " + std::to_string(ignored) + " file(s) that are not frame images");
    for (size_t i = 1; i < video.frames.size(); ++i) {
        const long long prev = frameNumber(video.frames[i - 1]), next = frameNumber(video.frames[i]);
        if (prev >= 0 && next >= 0 && next != prev + 1) {
            warnings.push_back(dir.string() + ": gap in frame numbering between " +
                               video.frames[i - 1].filename().string() + " and " +
                               video.frames[i].filename().string() + "; frames are used in sorted order");
            break;
        }
    }
    return video;
}

// A split folder holds either frame folders (frames/<video>/…, or <video>/… directly) or video files.
DatasetSplit readSplit(const fs::path& dir, std::vector<std::string>& warnings, bool skipMaskFolders)
{
    DatasetSplit split;
    fs::path frames = fs::is_directory(dir / "frames") ? dir / "frames" : dir;
    static const std::set<std::string> notVideos{"frames", "videos", "test_frame_mask", "test_pixel_mask"};
    for (const auto& sub : sortedChildren(frames, true)) {
        if (notVideos.count(sub.filename().string()))
            continue;
        if (skipMaskFolders && sub.filename().string().size() > 3 &&
            sub.filename().string().compare(sub.filename().string().size() - 3, 3, "_gt") == 0)
            continue;
        VideoEntry video = frameFolder(sub, warnings);
        if (video.frames.empty())
            warnings.push_back(sub.string() + ": no frame images, skipped");
        else
            split.videos.push_back(std::move(video));
    }
    fs::path videos = fs::is_directory(dir / "videos") ? dir / "videos" : dir;
    for (const auto& file : sortedChildren(videos, false)) {
        if (isVideoFile(file))
            split.videos.push_back(VideoEntry{file.stem().string(), file, true, {}});
    }
    std::stable_sort(split.videos.begin(), split.videos.end(),
                     [](const VideoEntry& a, const VideoEntry& b) { return naturalLess(a.name, b.name); });
    return split;
}

bool looksLikeDataset(const fs::path& dir)
{
    for (const char* sub : {"training", "testing", "Train", "Test"}) {
        if (fs::is_directory(dir / sub))
            return true;
    }
    return false;
}

} // namespace

bool isFrameImage(const fs::path& file)
{
    static const std::set<std::string> extensions{".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp"};
    return extensions.count(lowerExtension(file)) > 0;
}

bool isVideoFile(const fs::path& file)
{
    static const std::set<std::string> extensions{".avi", ".mp4", ".mkv", ".mov", ".webm", ".mpg", ".mpeg", ".m4v"};
    return extensions.count(lowerExtension(file)) > 0;
}

Dataset discoverDataset(const fs::path& rootIn)
{
    if (!fs::is_directory(rootIn))
        throw DataError(rootIn, "not a folder");
    fs::path root = fs::canonical(rootIn);
    if (!looksLikeDataset(root)) {
        std::vector<fs::path> candidates;
        for (const auto& sub : sortedChildren(root, true)) {
            if (looksLikeDataset(sub))
                candidates.push_back(sub);
        }
        if (candidates.size() == 1) {
            root = candidates.front();
        } else if (candidates.size() > 1) {
            std::string names;
            for (const auto& c : candidates)
                names += (names.empty() ? "" : ", ") + c.filename().string();
            throw DataError(root, "holds several datasets (" + names + "); open one of them");
        }
    }

    Dataset dataset;
    dataset.root = root;
    dataset.name = root.filename().string();
    if (fs::is_directory(root / "training") || fs::is_directory(root / "testing")) {
        dataset.layout = DatasetLayout::Mnad;
        if (fs::is_directory(root / "training"))
            dataset.training = readSplit(root / "training", dataset.warnings, false);
        if (fs::is_directory(root / "testing"))
            dataset.testing = readSplit(root / "testing", dataset.warnings, false);
    } else if (fs::is_directory(root / "Train") || fs::is_directory(root / "Test")) {
        dataset.layout = DatasetLayout::Ucsd;
        if (fs::is_directory(root / "Train"))
            dataset.training = readSplit(root / "Train", dataset.warnings, true);
        if (fs::is_directory(root / "Test"))
            dataset.testing = readSplit(root / "Test", dataset.warnings, true);
    } else {
        dataset.layout = DatasetLayout::VideoFolder;
        for (const auto& file : sortedChildren(root, false)) {
            if (isVideoFile(file))
                dataset.testing.videos.push_back(VideoEntry{file.stem().string(), file, true, {}});
        }
    }
    if (dataset.training.empty() && dataset.testing.empty()) {
        throw DataError(root, "no videos found: expected training/ and testing/ with frames/<video>/ folders or "
                              "videos/, UCSD's Train/ and Test/, or video files");
    }
    return dataset;
}

} // namespace mnad
