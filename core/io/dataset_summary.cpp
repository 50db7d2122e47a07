#include "core/io/dataset_summary.h"

#include "core/io/dataset_labels.h"
#include "core/io/disk_frame_provider.h"
#include "core/io/frame_image.h"
#include "core/io/video_reader.h"

#include <opencv2/imgcodecs.hpp>

#include <sstream>

namespace mnad {

namespace {
// Decoding every frame would take minutes on a real dataset; a stat per frame is cheap and finds the zero-byte
// frames an interrupted copy leaves anywhere in a folder.
void checkFrameFiles(const std::vector<std::filesystem::path>& frames)
{
    for (const auto& frame : frames) {
        std::error_code ec;
        if (std::filesystem::file_size(frame, ec) == 0 && !ec)
            checkFrameFile(frame); // throws, naming it
    }
    checkFrameFile(frames.front());
    checkFrameFile(frames.back());
}

VideoSummary summarizeVideo(const VideoEntry& video)
{
    VideoSummary s;
    s.name = video.name;
    s.isVideoFile = video.isVideoFile;
    try {
        if (video.isVideoFile) {
            VideoReader reader(video.path);
            s.frames = reader.info().frameCount;
            s.width = reader.info().width;
            s.height = reader.info().height;
            s.fps = reader.info().fps;
            if (reader.info().cutShort)
                s.problem = video.path.string() + ": the file ends before the length its container declares (cut "
                                                  "short?); only the " + std::to_string(s.frames) +
                            " frames before the cut are used";
        } else {
            s.frames = static_cast<int64_t>(video.frames.size());
            checkFrameFiles(video.frames);
            const cv::Mat first = cv::imread(video.frames.front().string(), cv::IMREAD_UNCHANGED);
            if (first.empty()) {
                s.problem = video.frames.front().string() + ": cannot decode the image";
            } else {
                s.width = first.cols;
                s.height = first.rows;
                const cv::Mat last = cv::imread(video.frames.back().string(), cv::IMREAD_UNCHANGED);
                if (last.empty())
                    s.problem = video.frames.back().string() + ": cannot decode the image";
                else if (last.cols != first.cols || last.rows != first.rows)
                    s.problem = "mixed resolutions: " + std::to_string(first.cols) + "x" + std::to_string(first.rows) +
                                " and " + std::to_string(last.cols) + "x" + std::to_string(last.rows) +
                                " (frames are resized to the model size anyway)";
            }
        }
    } catch (const std::exception& e) {
        s.problem = e.what();
    }
    return s;
}

SplitSummary summarizeSplit(const DatasetSplit& split)
{
    SplitSummary out;
    for (const auto& video : split.videos) {
        out.videos.push_back(summarizeVideo(video));
        out.frames += out.videos.back().frames;
    }
    return out;
}

LabelStatus labelStatus(const Dataset& dataset)
{
    LabelStatus status;
    const auto file = findLabels(dataset);
    if (!file) {
        status.detail = "no frame_labels_" + dataset.name + ".npy, " + dataset.name +
                        ".mat, labels.csv or test_frame_mask/ found beside the dataset";
        return status;
    }
    status.file = file->string();
    try {
        const DiskFrameProvider frames(dataset.testing, 8);
        int64_t abnormal = 0, total = 0;
        for (const auto& video : loadLabels(*file, frames)) {
            for (uint8_t label : video)
                abnormal += label;
            total += static_cast<int64_t>(video.size());
        }
        status.state = LabelStatus::Found;
        status.detail = std::to_string(abnormal) + " of " + std::to_string(total) + " test frames abnormal";
    } catch (const std::exception& e) {
        status.state = LabelStatus::Mismatched;
        status.detail = e.what();
    }
    return status;
}

void formatSplit(std::ostringstream& out, const char* title, const SplitSummary& split)
{
    out << title << ": " << split.videos.size() << " videos, " << split.frames << " frames\n";
    for (const auto& v : split.videos) {
        out << "  " << v.name << "  " << v.frames << " frames  " << v.width << "x" << v.height;
        if (v.isVideoFile)
            out << "  " << v.fps << " fps";
        if (!v.problem.empty())
            out << "  PROBLEM: " << v.problem;
        out << "\n";
    }
}
} // namespace

DatasetSummary summarizeDataset(const Dataset& dataset)
{
    DatasetSummary s;
    s.name = dataset.name;
    s.layout = layoutName(dataset.layout);
    s.root = dataset.root.string();
    s.training = summarizeSplit(dataset.training);
    s.testing = summarizeSplit(dataset.testing);
    s.labels = labelStatus(dataset);
    s.warnings = dataset.warnings;
    return s;
}

std::string formatDatasetSummary(const DatasetSummary& s)
{
    std::ostringstream out;
    out << "dataset " << s.name << " (" << s.layout << " layout) at " << s.root << "\n";
    formatSplit(out, "training", s.training);
    formatSplit(out, "testing", s.testing);
    static const char* states[] = {"found", "missing", "MISMATCHED"};
    out << "labels: " << states[s.labels.state];
    if (!s.labels.file.empty())
        out << " (" << s.labels.file << ")";
    out << ": " << s.labels.detail << "\n";
    for (const auto& w : s.warnings)
        out << "warning: " << w << "\n";
    return out.str();
}

} // namespace mnad
