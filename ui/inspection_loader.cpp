#include "ui/inspection_loader.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace mnad::ui {

float errorScaleTop(const mnad::VideoMaps& maps)
{
    std::vector<float> sample;
    const int64_t pixels = int64_t(maps.size) * maps.size;
    for (int64_t f = 0; f < maps.frames; ++f)
        if (maps.scored[static_cast<size_t>(f)])
            for (int64_t i = f % 7; i < pixels; i += 7)
                sample.push_back(maps.errorMap(f)[i]);
    if (sample.empty())
        return 1;
    auto at = sample.begin() + static_cast<ptrdiff_t>(sample.size() * 99 / 100);
    std::nth_element(sample.begin(), at, sample.end());
    return std::max(*at, 1e-6f);
}

std::vector<float> attentionMeans(const mnad::VideoMaps& maps)
{
    std::vector<float> means(static_cast<size_t>(maps.frames * maps.items));
    const int cells = maps.querySize * maps.querySize;
    for (int64_t f = 0; f < maps.frames; ++f)
        for (int item = 0; item < maps.items; ++item) {
            const float* map = maps.attentionMap(f, item);
            double sum = 0;
            for (int i = 0; i < cells; ++i)
                sum += map[i];
            means[static_cast<size_t>(f * maps.items + item)] = cells > 0 ? static_cast<float>(sum / cells) : 0.0f;
        }
    return means;
}

InspectionLoader::InspectionLoader(QObject* parent)
    : QObject(parent), m_watcher(new QFutureWatcher<InspectionResult>(this))
{
    connect(m_watcher, &QFutureWatcher<InspectionResult>::finished, this, [this] {
        if (m_pending) { // the job was replaced: drop its result, start the new one
            launch(*std::exchange(m_pending, std::nullopt));
            return;
        }
        emit finished(m_watcher->result());
    });
}

InspectionLoader::~InspectionLoader()
{
    cancel();
    m_watcher->waitForFinished();
}

void InspectionLoader::start(const mnad::RunJobRequest& request, int video)
{
    m_video = video;
    if (m_watcher->isRunning()) {
        cancel();
        m_pending = Job{request, video};
        return;
    }
    launch(Job{request, video});
}

void InspectionLoader::launch(const Job& job)
{
    m_stop = std::make_shared<mnad::StopToken>();
    const mnad::RunJobRequest request = job.request;
    const int video = job.video;
    auto stop = m_stop;
    m_watcher->setFuture(QtConcurrent::run([this, request, video, stop] {
        InspectionResult result;
        result.video = video;
        try {
            auto maps = std::make_shared<mnad::VideoMaps>(mnad::inspectRunVideo(
                request, video, [this](int64_t done, int64_t total) { emit progress(done, total); }, stop.get()));
            result.stopped = stop->stopRequested() || maps->frames == 0;
            if (!result.stopped) {
                result.errorHigh = errorScaleTop(*maps);
                result.attentionMeans = attentionMeans(*maps);
                result.maps = std::move(maps);
            }
        } catch (const std::exception& e) {
            result.error = QString::fromStdString(e.what());
        }
        return result;
    }));
}

void InspectionLoader::cancel()
{
    m_pending.reset();
    if (m_stop)
        m_stop->requestStop();
}

bool InspectionLoader::isRunning() const
{
    return m_watcher->isRunning();
}

} // namespace mnad::ui
