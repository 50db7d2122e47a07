#include "core/eval/evaluation_report.h"

#include "core/run/atomic_file.h"
#include "core/run/sha256.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <sstream>

namespace mnad {

void writeScoresCsv(const Evaluation& e, const std::filesystem::path& file)
{
    std::ostringstream out;
    out << "video,frame,scored,psnr,feature_distance,point_score,score,causal_score,label,updated\n"
        << std::setprecision(10);
    for (const auto& video : e.videos) {
        for (size_t f = 0; f < video.frames.size(); ++f) {
            const auto& r = video.frames[f];
            out << video.name << ',' << f << ',' << (r.scored ? 1 : 0) << ',';
            if (r.scored)
                out << r.psnr << ',' << r.featureDistance << ',' << r.pointScore << ',' << r.normality << ','
                    << r.causalNormality << ',';
            else
                out << ",,,,,";
            if (r.label >= 0)
                out << r.label;
            out << ',' << (r.memoryUpdated ? 1 : 0) << '\n';
        }
    }
    writeFileAtomically(file, out.str());
}

void writeRocCsv(const Evaluation& e, const std::filesystem::path& file)
{
    std::ostringstream out;
    out << "threshold,fpr,tpr\n" << std::setprecision(10);
    const auto& roc = e.summary.roc;
    for (size_t i = 0; i < roc.fpr.size(); ++i)
        out << roc.thresholds[i] << ',' << roc.fpr[i] << ',' << roc.tpr[i] << '\n';
    writeFileAtomically(file, out.str());
}

void writeMemoryUsageCsv(const Evaluation& e, const std::filesystem::path& file)
{
    // One row per scored frame: how many queries chose each item (the items × frames usage heatmap).
    std::ostringstream out;
    size_t items = 0;
    for (const auto& video : e.videos) {
        for (const auto& r : video.frames)
            items = std::max(items, r.itemUsage.size());
    }
    out << "video,frame";
    for (size_t m = 0; m < items; ++m)
        out << ",item" << m;
    out << '\n';
    for (const auto& video : e.videos) {
        for (size_t f = 0; f < video.frames.size(); ++f) {
            if (!video.frames[f].scored)
                continue;
            out << video.name << ',' << f;
            for (int32_t count : video.frames[f].itemUsage)
                out << ',' << count;
            out << '\n';
        }
    }
    writeFileAtomically(file, out.str());
}

std::string reportJson(const Evaluation& e, const ReportContext& context)
{
    const auto& s = e.summary;
    nlohmann::json j;
    j["dataset"] = context.dataset;
    j["method"] = e.method;
    j["t_length"] = context.tLength;
    j["alpha"] = e.alpha;
    j["th"] = e.threshold;
    j["memory_reset_policy"] = memoryPolicyName(e.memoryPolicy);
    j["score"] = "per-video min-max fusion (official, offline); causal_micro_auc uses a running min-max";
    j["has_labels"] = s.hasLabels;
    if (s.hasLabels) {
        j["micro_auc"] = s.microAuc;
        j["causal_micro_auc"] = s.causalMicroAuc;
        j["macro_auc"] = s.macroAuc.value;
        j["macro_auc_videos_used"] = s.macroAuc.videosUsed;
        j["macro_auc_videos_skipped"] = s.macroAuc.videosSkipped;
        j["eer"] = s.equalErrorRate;
        j["average_precision"] = s.averagePrecision;
    }
    int64_t frames = 0;
    for (const auto& video : e.videos)
        frames += static_cast<int64_t>(video.frames.size());
    j["n_videos"] = e.videos.size();
    j["n_frames"] = frames;
    j["n_scored_frames"] = s.scoredFrames;
    j["memory_updates"] = s.memoryUpdates;
    j["checkpoint"] = context.checkpoint.string();
    j["checkpoint_sha256"] = context.checkpointSha256;
    j["device"] = e.device;
    j["convolutions"] = e.convolutions;
    j["seconds"] = s.seconds;
    j["frames_per_second"] = s.framesPerSecond;
    return j.dump(2) + "\n";
}

std::string sha256File(const std::filesystem::path& file)
{
    return sha256Hex(readWholeFile(file));
}

} // namespace mnad
