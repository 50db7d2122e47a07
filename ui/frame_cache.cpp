#include "ui/frame_cache.h"

#include "core/io/source_frames.h"
#include "ui/colour_maps.h"

#include <QHash>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <utility>
#include <vector>

namespace mnad::ui {

struct FrameCache::State {
    mutable std::mutex mutex;
    std::condition_variable wake;
    bool stop = false;
    bool open = false;
    int frameCount = 0;
    double fps = 0;
    QSize size;
    int cursor = 0;
    qint64 budget = 0;
    QHash<int, QImage> frames;
    QSet<int> broken; // frames that failed to decode: not retried

    // The frames the budget allows around the cursor: [first, last].
    std::pair<int, int> window() const
    {
        const qint64 frameBytes = std::max<qint64>(1, qint64(size.width()) * size.height() * 3);
        const int fit = static_cast<int>(std::clamp<qint64>(budget / frameBytes, 1, frameCount));
        const int ahead = fit * 3 / 4;
        int first = std::max(0, cursor - (fit - 1 - ahead));
        const int last = std::min(frameCount - 1, first + fit - 1);
        first = std::max(0, last - fit + 1);
        return {first, last};
    }
    // The next frame to decode: the nearest missing one ahead of the cursor, then behind it; -1 when done.
    int nextMissing() const
    {
        if (frameCount <= 0)
            return -1;
        const auto [first, last] = window();
        for (int f = std::max(cursor, first); f <= last; ++f)
            if (!frames.contains(f) && !broken.contains(f))
                return f;
        for (int f = std::min(cursor - 1, last); f >= first; --f)
            if (!frames.contains(f) && !broken.contains(f))
                return f;
        return -1;
    }
    void evictOutsideWindow()
    {
        const auto [first, last] = window();
        for (auto it = frames.begin(); it != frames.end();)
            it = (it.key() < first || it.key() > last) ? frames.erase(it) : std::next(it);
    }
};

FrameCache::FrameCache(QObject* parent) : QObject(parent) {}

FrameCache::~FrameCache()
{
    close();
    for (const QPointer<QThread>& thread : std::as_const(m_retired)) {
        if (thread) {
            thread->wait(); // its run() uses this object
            delete thread;
        }
    }
}

void FrameCache::close()
{
    if (m_state) {
        {
            std::lock_guard<std::mutex> lock(m_state->mutex);
            m_state->stop = true;
        }
        m_state->wake.notify_all();
    }
    if (m_thread) {
        // Not joined here: the worker may be opening a long video file (a packet scan) and the GUI must not
        // wait for it. It ends by itself; its signals are dropped (post() checks the state is still current).
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
        m_retired.erase(std::remove_if(m_retired.begin(), m_retired.end(),
                                       [](const QPointer<QThread>& t) { return t.isNull(); }),
                        m_retired.end());
        m_retired.push_back(m_thread);
        m_thread = nullptr;
    }
    m_state.reset();
}

void FrameCache::post(const std::shared_ptr<State>& state, std::function<void()> signal)
{
    QMetaObject::invokeMethod(
        this, [this, state, signal = std::move(signal)] {
            if (m_state == state)
                signal();
        },
        Qt::QueuedConnection);
}

void FrameCache::open(const mnad::VideoEntry& video)
{
    close();
    m_state = std::make_shared<State>();
    m_state->budget = m_budget;
    auto state = m_state;
    m_thread = QThread::create([this, state, video] { run(state, video); });
    m_thread->setObjectName(QStringLiteral("FrameCache"));
    m_thread->start(QThread::LowPriority);
}

void FrameCache::setBudget(qint64 bytes)
{
    m_budget = std::max<qint64>(bytes, 1 << 20);
    if (!m_state)
        return;
    {
        std::lock_guard<std::mutex> lock(m_state->mutex);
        m_state->budget = m_budget;
        m_state->evictOutsideWindow();
    }
    m_state->wake.notify_all();
}

void FrameCache::run(std::shared_ptr<State> state, mnad::VideoEntry video)
{
    std::unique_ptr<SourceFrames> source;
    try {
        source = std::make_unique<SourceFrames>(video);
    } catch (const std::exception& e) {
        post(state, [this, message = QString::fromStdString(e.what())] { emit failed(message); });
        return;
    }
    {
        std::lock_guard<std::mutex> lock(state->mutex);
        state->open = true;
        state->frameCount = static_cast<int>(source->frameCount());
        state->fps = source->fps();
        state->size = QSize(source->width(), source->height());
    }
    post(state, [this, count = static_cast<int>(source->frameCount()), fps = source->fps(),
                 size = QSize(source->width(), source->height())] { emit opened(count, fps, size); });
    std::vector<uint8_t> bgr;
    for (;;) {
        int index = -1;
        {
            std::unique_lock<std::mutex> lock(state->mutex);
            state->wake.wait(lock, [&] { return state->stop || (index = state->nextMissing()) >= 0; });
            if (state->stop)
                return;
        }
        QImage image;
        QString problem;
        try {
            int width = 0, height = 0;
            source->readFrame(index, bgr, width, height);
            image = imageFromBgr(bgr.data(), width, height);
        } catch (const std::exception& e) {
            problem = QString::fromStdString(e.what());
        }
        {
            std::lock_guard<std::mutex> lock(state->mutex);
            if (problem.isEmpty())
                state->frames.insert(index, image);
            else
                state->broken.insert(index);
            state->evictOutsideWindow();
        }
        if (!problem.isEmpty())
            post(state, [this, problem] { emit failed(problem); });
        else
            post(state, [this, index] { emit frameReady(index); });
    }
}

bool FrameCache::isOpen() const
{
    if (!m_state)
        return false;
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->open;
}

int FrameCache::frameCount() const
{
    if (!m_state)
        return 0;
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->frameCount;
}

double FrameCache::fps() const
{
    if (!m_state)
        return 0;
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->fps;
}

QSize FrameCache::frameSize() const
{
    if (!m_state)
        return {};
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->size;
}

QImage FrameCache::frame(int index)
{
    if (!m_state)
        return {};
    {
        std::lock_guard<std::mutex> lock(m_state->mutex);
        const auto it = m_state->frames.constFind(index);
        if (it != m_state->frames.constEnd())
            return *it;
    }
    setCursor(index);
    return {};
}

void FrameCache::setCursor(int index)
{
    if (!m_state)
        return;
    {
        std::lock_guard<std::mutex> lock(m_state->mutex);
        if (m_state->cursor == index)
            return;
        m_state->cursor = index;
    }
    m_state->wake.notify_all();
}

int FrameCache::cachedFrames() const
{
    if (!m_state)
        return 0;
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return static_cast<int>(m_state->frames.size());
}

} // namespace mnad::ui
