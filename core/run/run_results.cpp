#include "core/run/run_results.h"

#include "core/data/data_error.h"
#include "core/run/atomic_file.h"
#include "core/run/config_json.h"
#include "core/run/run_folder.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <sstream>

namespace mnad {

namespace {

std::vector<std::string> splitCsvLine(const std::string& line)
{
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, ','))
        cells.push_back(cell);
    if (!line.empty() && line.back() == ',')
        cells.emplace_back();
    return cells;
}

double parseNumber(const std::string& text, const std::filesystem::path& file, size_t line)
{
    try {
        size_t used = 0;
        const double value = std::stod(text, &used);
        if (used == text.size())
            return value;
    } catch (const std::exception&) {
    }
    throw DataError(file, "line " + std::to_string(line) + ": '" + text + "' is not a number");
}

// A whole number in [low, high]; anything else (a fraction, NaN, out of range) is refused by name: casting it
// would be undefined behaviour.
int64_t parseInteger(const std::string& text, const std::filesystem::path& file, size_t line, int64_t low,
                     int64_t high)
{
    const double value = parseNumber(text, file, line);
    if (!std::isfinite(value) || value != std::floor(value) || value < static_cast<double>(low) ||
        value > static_cast<double>(high))
        throw DataError(file, "line " + std::to_string(line) + ": '" + text + "' is not a whole number in [" +
                                  std::to_string(low) + ", " + std::to_string(high) + "]");
    return static_cast<int64_t>(value);
}

constexpr int64_t kMaxCount = int64_t{1} << 40;

// Rows of a CSV file after its header, each checked to have at least `minColumns` cells.
std::vector<std::vector<std::string>> readCsvRows(const std::filesystem::path& file, size_t minColumns,
                                                  std::string* header = nullptr)
{
    std::istringstream in(readWholeFile(file));
    std::string line;
    if (!std::getline(in, line))
        throw DataError(file, "empty file (no header)");
    if (header)
        *header = line;
    std::vector<std::vector<std::string>> rows;
    size_t number = 1;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty())
            continue;
        auto cells = splitCsvLine(line);
        if (cells.size() < minColumns)
            throw DataError(file, "line " + std::to_string(number) + " has " + std::to_string(cells.size()) +
                                      " columns, expected " + std::to_string(minColumns));
        rows.push_back(std::move(cells));
    }
    return rows;
}

void readScores(const std::filesystem::path& file, Evaluation& evaluation)
{
    // video,frame,scored,psnr,feature_distance,point_score,score,causal_score,label,updated
    const auto rows = readCsvRows(file, 10);
    std::map<std::string, size_t> index;
    size_t line = 1;
    for (const auto& cells : rows) {
        ++line;
        auto [it, added] = index.emplace(cells[0], evaluation.videos.size());
        if (added)
            evaluation.videos.push_back({cells[0], {}});
        auto& frames = evaluation.videos[it->second].frames;
        const auto frame = static_cast<size_t>(parseInteger(cells[1], file, line, 0, kMaxCount));
        if (frame != frames.size())
            throw DataError(file, "line " + std::to_string(line) + ": frame " + cells[1] + " of video " + cells[0] +
                                      " is out of order (expected " + std::to_string(frames.size()) + ")");
        FrameRecord r;
        r.scored = cells[2] == "1";
        if (r.scored) {
            r.psnr = parseNumber(cells[3], file, line);
            r.featureDistance = parseNumber(cells[4], file, line);
            r.pointScore = parseNumber(cells[5], file, line);
            r.normality = parseNumber(cells[6], file, line);
            r.causalNormality = parseNumber(cells[7], file, line);
        }
        r.label = cells[8].empty() ? -1 : static_cast<int>(parseInteger(cells[8], file, line, 0, 1));
        r.memoryUpdated = cells[9] == "1";
        frames.push_back(std::move(r));
    }
}

void readMemoryUsage(const std::filesystem::path& file, Evaluation& evaluation)
{
    std::map<std::string, VideoEvaluation*> byName;
    for (auto& video : evaluation.videos)
        byName[video.name] = &video;
    size_t line = 1;
    for (const auto& cells : readCsvRows(file, 3)) {
        ++line;
        auto it = byName.find(cells[0]);
        const auto frame = static_cast<size_t>(parseInteger(cells[1], file, line, 0, kMaxCount));
        if (it == byName.end() || frame >= it->second->frames.size())
            throw DataError(file, "line " + std::to_string(line) + ": video " + cells[0] + " frame " + cells[1] +
                                      " is not in scores.csv");
        auto& usage = it->second->frames[frame].itemUsage;
        usage.clear();
        for (size_t c = 2; c < cells.size(); ++c)
            usage.push_back(static_cast<int32_t>(parseInteger(cells[c], file, line, 0, INT32_MAX)));
    }
}

void readReport(const std::filesystem::path& file, Evaluation& evaluation)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(readWholeFile(file));
        evaluation.method = j.at("method").get<std::string>();
        evaluation.alpha = j.at("alpha").get<double>();
        evaluation.threshold = j.at("th").get<double>();
        evaluation.memoryPolicy = j.at("memory_reset_policy").get<std::string>() == "reset-per-video"
                                      ? MemoryPolicy::ResetPerVideo
                                      : MemoryPolicy::CarryAcrossVideos;
        evaluation.device = j.value("device", "");
        evaluation.convolutions = j.value("convolutions", "");
        evaluation.checkpoint = j.value("checkpoint", "");
        auto& s = evaluation.summary;
        s.hasLabels = j.at("has_labels").get<bool>();
        if (s.hasLabels) {
            s.microAuc = j.at("micro_auc").get<double>();
            s.causalMicroAuc = j.value("causal_micro_auc", 0.0);
            s.macroAuc.value = j.value("macro_auc", 0.0);
            s.macroAuc.videosUsed = j.value("macro_auc_videos_used", 0);
            s.macroAuc.videosSkipped = j.value("macro_auc_videos_skipped", 0);
            s.equalErrorRate = j.value("eer", 0.0);
            s.averagePrecision = j.value("average_precision", 0.0);
        }
        s.scoredFrames = j.value("n_scored_frames", int64_t{0});
        s.memoryUpdates = j.value("memory_updates", int64_t{0});
        s.seconds = j.value("seconds", 0.0);
        s.framesPerSecond = j.value("frames_per_second", 0.0);
    } catch (const nlohmann::json::exception& e) {
        throw DataError(file, std::string("malformed report: ") + e.what());
    }
}

} // namespace

std::vector<MetricsRow> readMetricsCsv(const std::filesystem::path& file)
{
    // step,epoch,pixel,compactness,separateness,total,lr,samples_per_s,wall_time_s
    std::vector<MetricsRow> rows;
    size_t line = 1;
    for (const auto& c : readCsvRows(file, 9)) {
        ++line;
        MetricsRow r;
        r.step = parseInteger(c[0], file, line, 0, kMaxCount);
        r.epoch = static_cast<int>(parseInteger(c[1], file, line, 0, INT32_MAX));
        r.pixel = parseNumber(c[2], file, line);
        r.compactness = parseNumber(c[3], file, line);
        r.separateness = parseNumber(c[4], file, line);
        r.total = parseNumber(c[5], file, line);
        r.learningRate = parseNumber(c[6], file, line);
        r.samplesPerSecond = parseNumber(c[7], file, line);
        r.wallTimeSeconds = parseNumber(c[8], file, line);
        rows.push_back(r);
    }
    return rows;
}

RunInfo readRunInfo(const std::filesystem::path& runRoot)
{
    RunInfo info;
    info.root = runRoot;
    info.name = runRoot.filename().string();
    const RunFolder run(runRoot);
    try {
        info.config = readTrainConfig(run.config());
        if (std::filesystem::exists(run.finalCheckpoint()))
            info.state = RunState::Finished;
        else if (run.latestCheckpoint())
            info.state = RunState::Stopped;
        if (std::filesystem::exists(run.metrics())) {
            const auto rows = readMetricsCsv(run.metrics());
            if (!rows.empty()) {
                info.steps = rows.back().step;
                info.epochsDone = rows.back().epoch + 1;
            }
        }
        info.evaluated = std::filesystem::exists(run.report());
        if (info.evaluated) {
            Evaluation evaluation;
            readReport(run.report(), evaluation);
            info.hasAuc = evaluation.summary.hasLabels;
            info.microAuc = evaluation.summary.microAuc;
        }
    } catch (const std::exception& e) {
        info.problem = e.what();
    }
    return info;
}

std::vector<RunInfo> listRuns(const std::filesystem::path& runsRoot)
{
    std::vector<RunInfo> runs;
    std::error_code error;
    if (!std::filesystem::is_directory(runsRoot, error))
        return runs;
    // An unreadable folder is skipped, not the end of the list.
    std::filesystem::recursive_directory_iterator it(
        runsRoot, std::filesystem::directory_options::skip_permission_denied, error), end;
    while (!error && it != end) {
        if (it.depth() >= 4)
            it.disable_recursion_pending();
        if (it->is_directory(error) && std::filesystem::exists(it->path() / "config.json", error)) {
            runs.push_back(readRunInfo(it->path()));
            it.disable_recursion_pending();
        }
        error.clear();
        it.increment(error);
        if (error && it != end && it.depth() > 0) { // a folder that cannot be listed: go on with its parent
            error.clear();
            it.pop(error);
        }
    }
    std::sort(runs.begin(), runs.end(), [](const RunInfo& a, const RunInfo& b) { return a.name > b.name; });
    return runs;
}

Evaluation readEvaluation(const std::filesystem::path& runRoot)
{
    const RunFolder run(runRoot);
    if (!std::filesystem::exists(run.scores()))
        throw DataError(run.scores(), "missing: the run has not been evaluated (mnad evaluate --run " +
                                          runRoot.string() + ")");
    Evaluation evaluation;
    readReport(run.report(), evaluation);
    readScores(run.scores(), evaluation);
    if (std::filesystem::exists(run.memoryUsage()))
        readMemoryUsage(run.memoryUsage(), evaluation);
    return evaluation;
}

} // namespace mnad
