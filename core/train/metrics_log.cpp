#include "core/train/metrics_log.h"

#include "core/run/atomic_file.h"

#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace mnad {

MetricsLog::MetricsLog(const std::filesystem::path& file, bool fresh, int64_t keepUpToStep) : file_(file)
{
    std::string kept = std::string(kHeader) + "\n";
    if (!fresh && std::filesystem::exists(file)) {
        std::istringstream rows(readWholeFile(file));
        std::string line;
        std::getline(rows, line); // header
        while (std::getline(rows, line)) {
            if (line.empty())
                continue;
            if (std::stoll(line.substr(0, line.find(','))) <= keepUpToStep)
                kept += line + "\n";
        }
    }
    writeFileAtomically(file, kept);
    out_.open(file, std::ios::app);
    if (!out_)
        throw std::runtime_error(file.string() + ": cannot open for appending");
}

void MetricsLog::append(const StepReport& r)
{
    out_ << r.step << ',' << r.epoch << ',' << std::setprecision(8) << r.pixelLoss << ',' << r.compactnessLoss << ','
         << r.separatenessLoss << ',' << r.totalLoss << ',' << r.learningRate << ',' << std::setprecision(5)
         << r.samplesPerSecond << ',' << r.elapsedSeconds << '\n';
    out_.flush();
}

} // namespace mnad
