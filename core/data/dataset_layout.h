#pragma once
// Finds the videos of a dataset on disk as users have them, without renaming anything (spec §3, conventions §3.1):
// - MNAD / ano_pred: <root>/{training,testing}/frames/<video>/<frame> (jpg, png, tif, bmp), or …/videos/<file>;
// - UCSD: <root>/{Train,Test}/<Train001|Test001>/<frame>.tif (the Test001_gt mask folders are not videos);
// - a flat folder of video files (the testing split).
// <root> may also be the parent of exactly one such dataset folder. Frames are sorted naturally.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace mnad {

struct VideoEntry {
    std::string name;                          // folder or file stem ("01", "Test001", "01_0014")
    std::filesystem::path path;                // the frame folder or the video file
    bool isVideoFile = false;
    std::vector<std::filesystem::path> frames; // frame files in natural order (frame folders only)
};

struct DatasetSplit {
    std::vector<VideoEntry> videos; // sorted naturally by name: the order the official labels follow
    bool empty() const { return videos.empty(); }
};

enum class DatasetLayout { Mnad, Ucsd, VideoFolder };
std::string layoutName(DatasetLayout layout);

struct Dataset {
    std::string name;            // the dataset folder's name ("ped2")
    std::filesystem::path root;  // the dataset folder
    DatasetLayout layout = DatasetLayout::Mnad;
    DatasetSplit training, testing;
    std::vector<std::string> warnings; // documented skips: non-image files, gaps in numbering, …
};

// Throws DataError naming the folder when nothing usable is found (and what was expected).
Dataset discoverDataset(const std::filesystem::path& root);

// Whether a file name has a frame image extension (jpg, jpeg, png, tif, tiff, bmp; any case).
bool isFrameImage(const std::filesystem::path& file);
// Whether a file name has a video extension (avi, mp4, mkv, mov, webm, mpg, mpeg, m4v; any case).
bool isVideoFile(const std::filesystem::path& file);

} // namespace mnad
