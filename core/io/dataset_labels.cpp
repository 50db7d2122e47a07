#include "core/io/dataset_labels.h"

#include "core/data/data_error.h"
#include "core/data/frame_labels.h"
#include "core/io/mat_labels.h"

#include <algorithm>
#include <cctype>

namespace mnad {
namespace fs = std::filesystem;

std::optional<fs::path> findLabels(const Dataset& dataset)
{
    std::string lower = dataset.name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    const fs::path root = dataset.root;
    const std::vector<fs::path> folders{root, root.parent_path(), root.parent_path() / "data", root / "testing"};
    for (const auto& folder : folders) {
        for (const std::string& name : {dataset.name, lower}) {
            for (const fs::path& candidate :
                 {folder / ("frame_labels_" + name + ".npy"), folder / (name + ".mat")}) {
                if (fs::is_regular_file(candidate))
                    return candidate;
            }
        }
        if (fs::is_regular_file(folder / "labels.csv"))
            return folder / "labels.csv";
        if (fs::is_directory(folder / "test_frame_mask"))
            return folder / "test_frame_mask";
    }
    return std::nullopt;
}

std::vector<std::vector<uint8_t>> loadLabels(const fs::path& file, const FrameProvider& testFrames)
{
    std::vector<int64_t> counts;
    std::vector<std::string> names;
    for (int64_t v = 0; v < testFrames.videoCount(); ++v) {
        counts.push_back(testFrames.frameCount(v));
        names.push_back(testFrames.videoName(v));
    }
    if (fs::is_directory(file))
        return readMaskDirectory(file, names, counts);
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".npy")
        return readConcatenatedLabels(file, counts);
    if (ext == ".mat")
        return readMatLabels(file, counts);
    if (ext == ".csv")
        return readLabelCsv(file, names, counts);
    throw DataError(file, "unknown label format: use a .npy, .mat or .csv file, or a folder of per-video .npy masks");
}

} // namespace mnad
