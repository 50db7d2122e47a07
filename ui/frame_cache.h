#pragma once
// Decoded frames of one test video, held in memory so that scrubbing is instant: a worker thread opens the video
// and decodes outwards from the player's cursor (ahead first, then behind) until a memory budget is full, evicting
// the frames farthest from the cursor. Short test videos end up cached whole.

#include "core/data/dataset_layout.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>

#include <functional>
#include <memory>

class QThread;

namespace mnad::ui {

class FrameCache : public QObject {
    Q_OBJECT
public:
    explicit FrameCache(QObject* parent = nullptr);
    ~FrameCache() override; // stops and joins the worker

    // Starts decoding a video (the previous one is dropped); opened() or failed() follows.
    void open(const mnad::VideoEntry& video);
    void close();
    // Bytes of decoded frames kept (default 512 MiB).
    void setBudget(qint64 bytes);

    bool isOpen() const;
    int frameCount() const;
    double fps() const;     // 0 when the source does not tell (frame folders)
    QSize frameSize() const;

    // The frame when it is decoded, else a null image (and the worker decodes it next: frameReady follows).
    QImage frame(int index);
    // Where the player is: decoding continues outwards from here.
    void setCursor(int index);
    int cachedFrames() const;

signals:
    void opened(int frameCount, double fps, QSize size);
    void failed(const QString& message);
    void frameReady(int index);

private:
    struct State;
    void run(std::shared_ptr<State> state, mnad::VideoEntry video);
    // Emits on the GUI thread, and only while `state` is still the open video's (a switched-away worker's
    // signals are dropped).
    void post(const std::shared_ptr<State>& state, std::function<void()> signal);

    std::shared_ptr<State> m_state;
    QThread* m_thread = nullptr;
    QList<QPointer<QThread>> m_retired; // workers of closed videos, still finishing; joined by the destructor
    qint64 m_budget = qint64(512) << 20;
};

} // namespace mnad::ui
