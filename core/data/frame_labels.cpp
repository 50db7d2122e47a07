#include "core/data/frame_labels.h"

#include "core/data/data_error.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <unordered_map>

namespace mnad {

namespace {

// Frame counts come from the caller's video list, not from a file: a bad one is a programming error.
int64_t totalFrames(const std::vector<int64_t>& frameCounts)
{
    int64_t total = 0;
    for (int64_t n : frameCounts) {
        if (n < 0)
            throw std::invalid_argument("frame counts must be non-negative, got " + std::to_string(n));
        total += n;
    }
    return total;
}

void checkSameSize(const std::vector<std::string>& videoNames, const std::vector<int64_t>& frameCounts)
{
    if (videoNames.size() != frameCounts.size())
        throw std::invalid_argument(std::to_string(videoNames.size()) + " video names but " +
                                    std::to_string(frameCounts.size()) + " frame counts");
}

std::string testVideos(std::size_t n)
{
    return std::to_string(n) + (n == 1 ? " test video" : " test videos");
}

// The shortest text that reads back as the same double, so that 0.5 prints as 0.5 and 1+1e-9 not as 1.
std::string formatValue(double v)
{
    char buf[32];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::isnan(v) || std::strtod(buf, nullptr) == v)
            break;
    }
    return buf;
}

// A CSV field without surrounding blanks and without one pair of enclosing double quotes.
std::string cleanField(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"')
        s = s.substr(1, s.size() - 2);
    return std::string(s);
}

std::vector<std::string> splitFields(const std::string& line)
{
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t comma; (comma = line.find(',', start)) != std::string::npos; start = comma + 1)
        fields.push_back(cleanField(std::string_view(line).substr(start, comma - start)));
    fields.push_back(cleanField(std::string_view(line).substr(start)));
    return fields;
}

bool parseWhole(const std::string& s, int64_t& out)
{
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

// "0" and "1", and any number equal to them ("1.0", "0e0") as a float export writes.
bool parseLabel(const std::string& s, uint8_t& out)
{
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty() || (v != 0 && v != 1))
        return false;
    out = v == 1 ? 1 : 0;
    return true;
}

// Per-video labels being filled from CSV lines, with the line that set each frame (0 = not yet).
struct CsvLabels {
    std::unordered_map<std::string, std::size_t> videoIndex;
    std::vector<std::vector<uint8_t>> labels;
    std::vector<std::vector<int64_t>> lineOf;
};

void addCsvLine(CsvLabels& csv, const std::vector<std::string>& f, int64_t lineNo, const std::filesystem::path& file)
{
    const std::string at = "line " + std::to_string(lineNo) + ": ";
    if (f.size() != 3)
        throw DataError(file, at + "expected 3 fields (video,frame,label), found " + std::to_string(f.size()));
    const auto video = csv.videoIndex.find(f[0]);
    if (video == csv.videoIndex.end())
        throw DataError(file, at + "unknown video '" + f[0] + "' (not one of the " +
                                  testVideos(csv.videoIndex.size()) + ")");
    int64_t frame = 0;
    if (!parseWhole(f[1], frame))
        throw DataError(file, at + "frame '" + f[1] + "' is not a whole number");
    std::vector<int64_t>& lineOf = csv.lineOf[video->second];
    const auto frames = static_cast<int64_t>(lineOf.size());
    if (frame < 0 || frame >= frames)
        throw DataError(file, at + "frame " + std::to_string(frame) + " is out of range for video '" + f[0] +
                                  "' (" + std::to_string(frames) + " frames, 0-based: 0-" +
                                  std::to_string(frames - 1) + ")");
    uint8_t label = 0;
    if (!parseLabel(f[2], label))
        throw DataError(file, at + "label '" + f[2] + "' is not 0 or 1");
    const auto i = static_cast<std::size_t>(frame);
    if (lineOf[i] != 0)
        throw DataError(file, at + "frame " + std::to_string(frame) + " of video '" + f[0] +
                                  "' is already labelled on line " + std::to_string(lineOf[i]));
    lineOf[i] = lineNo;
    csv.labels[video->second][i] = label;
}

// After the last line: every frame of every video must have been labelled.
void checkComplete(const CsvLabels& csv, const std::vector<std::string>& videoNames, const std::filesystem::path& file)
{
    for (std::size_t v = 0; v < videoNames.size(); ++v) {
        const std::vector<int64_t>& lineOf = csv.lineOf[v];
        int64_t missing = 0, first = -1;
        for (std::size_t i = 0; i < lineOf.size(); ++i) {
            if (lineOf[i] == 0) {
                ++missing;
                if (first < 0)
                    first = static_cast<int64_t>(i);
            }
        }
        if (missing == 0)
            continue;
        if (missing == static_cast<int64_t>(lineOf.size()))
            throw DataError(file, "video '" + videoNames[v] + "' has no labels (it has " +
                                      std::to_string(lineOf.size()) + " frames)");
        throw DataError(file, "no label for frame " + std::to_string(first) + " of video '" + videoNames[v] + "' (" +
                                  std::to_string(missing) + " of its " + std::to_string(lineOf.size()) +
                                  " frames have none)");
    }
}

} // namespace

std::vector<uint8_t> labelVectorFromNpy(const NpyArray& array, const std::filesystem::path& file)
{
    const std::vector<int64_t>& s = array.shape;
    const bool vector = s.size() == 1 || (s.size() == 2 && (s[0] == 1 || s[1] == 1));
    if (!vector)
        throw DataError(file, "labels must have shape (N,), (1, N) or (N, 1), got " + npyShapeString(s));
    std::vector<uint8_t> labels(array.values.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const double v = array.values[i];
        if (v != 0 && v != 1)
            throw DataError(file, "label at index " + std::to_string(i) + " is " + formatValue(v) +
                                      " (labels must be 0 = normal or 1 = abnormal)");
        labels[i] = v == 1 ? 1 : 0;
    }
    return labels;
}

std::vector<std::vector<uint8_t>> splitConcatenated(const std::vector<uint8_t>& all,
                                                    const std::vector<int64_t>& frameCounts,
                                                    const std::filesystem::path& file)
{
    const int64_t total = totalFrames(frameCounts);
    if (static_cast<int64_t>(all.size()) != total)
        throw DataError(file, "labels cover " + std::to_string(all.size()) + " frames, the " +
                                  testVideos(frameCounts.size()) + " have " + std::to_string(total));
    std::vector<std::vector<uint8_t>> perVideo;
    auto begin = all.begin();
    for (int64_t n : frameCounts) {
        perVideo.emplace_back(begin, begin + n);
        begin += n;
    }
    return perVideo;
}

std::vector<std::vector<uint8_t>> readConcatenatedLabels(const std::filesystem::path& file,
                                                         const std::vector<int64_t>& frameCounts)
{
    return splitConcatenated(labelVectorFromNpy(readNpy(file), file), frameCounts, file);
}

std::vector<std::vector<uint8_t>> readMaskDirectory(const std::filesystem::path& dir,
                                                    const std::vector<std::string>& videoNames,
                                                    const std::vector<int64_t>& frameCounts)
{
    checkSameSize(videoNames, frameCounts);
    totalFrames(frameCounts);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw DataError(dir, "label mask directory does not exist");
    std::vector<std::vector<uint8_t>> perVideo;
    for (std::size_t i = 0; i < videoNames.size(); ++i) {
        const std::filesystem::path file = dir / (videoNames[i] + ".npy");
        if (!std::filesystem::exists(file, ec))
            throw DataError(file, "missing label file for test video '" + videoNames[i] + "'");
        std::vector<uint8_t> labels = labelVectorFromNpy(readNpy(file), file);
        if (static_cast<int64_t>(labels.size()) != frameCounts[i])
            throw DataError(file, "has " + std::to_string(labels.size()) + " labels, video '" + videoNames[i] +
                                      "' has " + std::to_string(frameCounts[i]) + " frames");
        perVideo.push_back(std::move(labels));
    }
    return perVideo;
}

std::vector<std::vector<uint8_t>> readLabelCsv(const std::filesystem::path& file,
                                               const std::vector<std::string>& videoNames,
                                               const std::vector<int64_t>& frameCounts)
{
    checkSameSize(videoNames, frameCounts);
    totalFrames(frameCounts);
    CsvLabels csv;
    for (std::size_t i = 0; i < videoNames.size(); ++i) {
        if (!csv.videoIndex.emplace(videoNames[i], i).second)
            throw std::invalid_argument("video '" + videoNames[i] + "' is listed twice");
        csv.labels.emplace_back(static_cast<std::size_t>(frameCounts[i]), 0);
        csv.lineOf.emplace_back(static_cast<std::size_t>(frameCounts[i]), 0);
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw DataError(file, std::filesystem::exists(file, ec) ? "not a regular file" : "file does not exist");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw DataError(file, "cannot open for reading");

    std::string line;
    bool firstContentLine = true;
    for (int64_t lineNo = 1; std::getline(in, line); ++lineNo) {
        if (lineNo == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0)
            line.erase(0, 3); // spreadsheet exports start with a UTF-8 BOM
        if (cleanField(line).empty())
            continue;
        const std::vector<std::string> fields = splitFields(line);
        // The first line is a header when neither its frame nor its label field is a number.
        int64_t frame = 0;
        uint8_t label = 0;
        if (firstContentLine && fields.size() == 3 && !parseWhole(fields[1], frame) && !parseLabel(fields[2], label)) {
            firstContentLine = false;
            continue;
        }
        firstContentLine = false;
        addCsvLine(csv, fields, lineNo, file);
    }
    if (in.bad())
        throw DataError(file, "read error");
    checkComplete(csv, videoNames, file);
    return std::move(csv.labels);
}

std::vector<std::vector<uint8_t>> labelsFromIntervals(const std::vector<std::vector<FrameInterval>>& intervalsPerVideo,
                                                      const std::vector<int64_t>& frameCounts,
                                                      const std::filesystem::path& file)
{
    totalFrames(frameCounts);
    const std::size_t videos = frameCounts.size();
    if (intervalsPerVideo.size() != videos)
        throw DataError(file, "ground truth covers " + std::to_string(intervalsPerVideo.size()) +
                                  " videos, the test set has " + std::to_string(videos));
    std::vector<std::vector<uint8_t>> perVideo;
    for (std::size_t v = 0; v < videos; ++v) {
        const int64_t frames = frameCounts[v];
        std::vector<uint8_t> labels(static_cast<std::size_t>(frames), 0);
        for (std::size_t k = 0; k < intervalsPerVideo[v].size(); ++k) {
            const auto [start, end] = intervalsPerVideo[v][k];
            const std::string which = "video " + std::to_string(v + 1) + " of " + std::to_string(videos) +
                                      ", interval " + std::to_string(k + 1) + " [" + std::to_string(start) + ", " +
                                      std::to_string(end) + "]: ";
            if (start > end)
                throw DataError(file, which + "start is after end");
            if (start < 1 || end > frames)
                throw DataError(file, which + "outside the video's frames 1-" + std::to_string(frames) +
                                          " (1-based, inclusive)");
            for (int64_t f = start - 1; f < end; ++f)
                labels[static_cast<std::size_t>(f)] = 1;
        }
        perVideo.push_back(std::move(labels));
    }
    return perVideo;
}

} // namespace mnad
