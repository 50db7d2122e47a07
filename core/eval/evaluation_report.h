#pragma once
// Evaluation outputs in a run folder (conventions §3.2): scores.csv (every frame, unscored ones marked),
// report.json (settings, AUCs, EER, AP, counts, checkpoint hash, device, time), roc.csv, memory_usage.csv.

#include "core/eval/evaluation.h"

#include <filesystem>
#include <string>

namespace mnad {

struct ReportContext {
    std::string dataset;
    std::filesystem::path checkpoint;
    std::string checkpointSha256;
    int tLength = 0;
};

void writeScoresCsv(const Evaluation& evaluation, const std::filesystem::path& file);
void writeRocCsv(const Evaluation& evaluation, const std::filesystem::path& file);
void writeMemoryUsageCsv(const Evaluation& evaluation, const std::filesystem::path& file);
std::string reportJson(const Evaluation& evaluation, const ReportContext& context);

// SHA-256 of a file, hex; throws DataError naming it when unreadable.
std::string sha256File(const std::filesystem::path& file);

} // namespace mnad
