#include "ui/playback_controller.h"

#include <QAction>
#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace mnad::ui {

namespace {
// The speeds [ and ] step through (mpv multiplies by 1.1; fixed steps are easier to read for frame analysis).
constexpr std::array<double, 9> kSpeeds = {0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 4.0, 8.0, 16.0};

double neighbourSpeed(double speed, int steps)
{
    const auto it = std::lower_bound(kSpeeds.begin(), kSpeeds.end(), speed - 1e-9);
    const int index = static_cast<int>(it - kSpeeds.begin()) + steps;
    return kSpeeds[static_cast<size_t>(std::clamp(index, 0, static_cast<int>(kSpeeds.size()) - 1))];
}
} // namespace

PlaybackController::PlaybackController(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &PlaybackController::advance);
    createActions();
}

QAction* PlaybackController::addAction(const QString& name, const QString& text, const QList<QKeySequence>& keys)
{
    auto* action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_actions << action;
    return action;
}

void PlaybackController::createActions()
{
    auto separator = [this] {
        auto* s = new QAction(this);
        s->setSeparator(true);
        m_actions << s;
    };
    auto* playPause = addAction(QStringLiteral("actionPlayPause"), tr("&Play/Pause"), {Qt::Key_Space});
    connect(playPause, &QAction::triggered, this, &PlaybackController::togglePlay);
    connect(addAction(QStringLiteral("actionShuttleBack"), tr("Play &Backwards (Faster)"), {Qt::Key_J}),
            &QAction::triggered, this, &PlaybackController::shuttleBackward);
    connect(addAction(QStringLiteral("actionPause"), tr("Pa&use"), {Qt::Key_K}), &QAction::triggered, this,
            &PlaybackController::pause);
    connect(addAction(QStringLiteral("actionShuttleForward"), tr("Play &Forwards (Faster)"), {Qt::Key_L}),
            &QAction::triggered, this, &PlaybackController::shuttleForward);
    auto* loop = addAction(QStringLiteral("actionLoop"), tr("&Loop"), {});
    loop->setCheckable(true);
    connect(loop, &QAction::toggled, this, &PlaybackController::setLoop);
    separator();
    connect(addAction(QStringLiteral("actionNextFrame"), tr("&Next Frame"),
                      {Qt::Key_Right, Qt::Key_Period}),
            &QAction::triggered, this, [this] { pause(); step(1); });
    connect(addAction(QStringLiteral("actionPreviousFrame"), tr("P&revious Frame"),
                      {Qt::Key_Left, Qt::Key_Comma}),
            &QAction::triggered, this, [this] { pause(); step(-1); });
    const auto oneSecond = [this] { return std::max(1, static_cast<int>(std::lround(m_fps))); };
    connect(addAction(QStringLiteral("actionForwardSecond"), tr("Forward 1 Second"),
                      {QKeySequence(Qt::SHIFT | Qt::Key_Right)}),
            &QAction::triggered, this, [this, oneSecond] { step(oneSecond()); });
    connect(addAction(QStringLiteral("actionBackSecond"), tr("Back 1 Second"),
                      {QKeySequence(Qt::SHIFT | Qt::Key_Left)}),
            &QAction::triggered, this, [this, oneSecond] { step(-oneSecond()); });
    connect(addAction(QStringLiteral("actionFirstFrame"), tr("First Frame"), {Qt::Key_Home}), &QAction::triggered,
            this, [this] { seek(0); });
    connect(addAction(QStringLiteral("actionLastFrame"), tr("Last Frame"), {Qt::Key_End}), &QAction::triggered,
            this, [this] { seek(m_frameCount - 1); });
    separator();
    connect(addAction(QStringLiteral("actionNextSegment"), tr("Next Anomalous Segment"),
                      {Qt::Key_N, QKeySequence(Qt::CTRL | Qt::Key_Right)}),
            &QAction::triggered, this, &PlaybackController::nextSegment);
    connect(addAction(QStringLiteral("actionPreviousSegment"), tr("Previous Anomalous Segment"),
                      {Qt::Key_P, QKeySequence(Qt::CTRL | Qt::Key_Left)}),
            &QAction::triggered, this, &PlaybackController::previousSegment);
    separator();
    connect(addAction(QStringLiteral("actionSlower"), tr("Slower"), {Qt::Key_BracketLeft}), &QAction::triggered,
            this, [this] { setSpeed(neighbourSpeed(m_speed, -1)); });
    connect(addAction(QStringLiteral("actionFaster"), tr("Faster"), {Qt::Key_BracketRight}), &QAction::triggered,
            this, [this] { setSpeed(neighbourSpeed(m_speed, 1)); });
    connect(addAction(QStringLiteral("actionNormalSpeed"), tr("Normal Speed"), {Qt::Key_Backspace}),
            &QAction::triggered, this, [this] { setSpeed(1.0); });
}

QAction* PlaybackController::action(const QString& objectName) const
{
    for (QAction* a : m_actions)
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

void PlaybackController::attachShortcuts(QWidget* widget)
{
    widget->addActions(m_actions);
}

void PlaybackController::setVideo(int frameCount, double fps)
{
    pause();
    m_frameCount = std::max(0, frameCount);
    m_fps = fps > 0 ? fps : 25.0;
    m_frame = 0;
    m_segments.clear();
    emit frameChanged(m_frame);
}

void PlaybackController::setFps(double fps)
{
    if (fps <= 0 || fps == m_fps)
        return;
    m_fps = fps;
    if (m_playing)
        restartTimer();
}

void PlaybackController::setSegments(std::vector<FrameSegment> segments)
{
    m_segments = std::move(segments);
}

void PlaybackController::seek(int frame)
{
    if (m_frameCount <= 0)
        return;
    frame = std::clamp(frame, 0, m_frameCount - 1);
    if (m_playing) { // keep playing from the new place
        m_clock.restart();
        m_clockOrigin = frame;
    }
    if (frame == m_frame)
        return;
    m_frame = frame;
    emit frameChanged(m_frame);
}

void PlaybackController::step(int frames)
{
    seek(m_frame + frames);
}

void PlaybackController::play()
{
    if (m_frameCount <= 1 || m_playing)
        return;
    // Playing forwards from the last frame starts over, as players do.
    if (m_direction > 0 && m_frame >= m_frameCount - 1)
        seek(0);
    else if (m_direction < 0 && m_frame <= 0)
        seek(m_frameCount - 1);
    m_playing = true;
    restartTimer();
    emit playingChanged(true);
}

void PlaybackController::pause()
{
    if (!m_playing)
        return;
    m_playing = false;
    m_timer->stop();
    emit playingChanged(false);
}

void PlaybackController::togglePlay()
{
    if (m_playing) {
        pause();
    } else {
        m_direction = 1;
        play();
    }
}

void PlaybackController::setSpeed(double speed)
{
    speed = std::clamp(speed, kSpeeds.front(), kSpeeds.back());
    if (speed == m_speed)
        return;
    m_speed = speed;
    if (m_playing)
        restartTimer();
    emit speedChanged(m_speed);
}

void PlaybackController::setLoop(bool loop)
{
    m_loop = loop;
    if (QAction* a = action(QStringLiteral("actionLoop")); a && a->isChecked() != loop)
        a->setChecked(loop);
}

void PlaybackController::shuttleBackward()
{
    if (m_playing && m_direction < 0) {
        setSpeed(neighbourSpeed(m_speed, 1));
        return;
    }
    pause();
    m_direction = -1;
    setSpeed(1.0);
    play();
}

void PlaybackController::shuttleForward()
{
    if (m_playing && m_direction > 0) {
        setSpeed(neighbourSpeed(m_speed, 1));
        return;
    }
    pause();
    m_direction = 1;
    setSpeed(1.0);
    play();
}

void PlaybackController::nextSegment()
{
    const int i = mnad::ui::nextSegment(m_segments, m_frame);
    if (i >= 0)
        seek(m_segments[static_cast<size_t>(i)].first);
}

void PlaybackController::previousSegment()
{
    // From inside a segment, P goes to the start of the one before it, not back to this one's start.
    int from = m_frame;
    for (const auto& s : m_segments)
        if (s.contains(m_frame))
            from = s.first;
    const int i = mnad::ui::previousSegment(m_segments, from);
    if (i >= 0)
        seek(m_segments[static_cast<size_t>(i)].first);
}

void PlaybackController::restartTimer()
{
    m_clock.restart();
    m_clockOrigin = m_frame;
    const double framesPerSecond = m_fps * m_speed;
    m_timer->start(std::max(4, static_cast<int>(1000.0 / framesPerSecond)));
}

void PlaybackController::advance()
{
    const double elapsed = m_clock.nsecsElapsed() / 1e9;
    const int moved = static_cast<int>(std::floor(elapsed * m_fps * m_speed));
    int target = static_cast<int>(m_clockOrigin) + m_direction * moved;
    const bool past = target >= m_frameCount || target < 0;
    if (past && m_loop) {
        target = m_direction > 0 ? 0 : m_frameCount - 1;
        m_frame = target;
        emit frameChanged(m_frame);
        m_clock.restart();
        m_clockOrigin = target;
        return;
    }
    if (past) {
        seek(m_direction > 0 ? m_frameCount - 1 : 0);
        pause();
        return;
    }
    if (target != m_frame) {
        m_frame = target;
        emit frameChanged(m_frame);
    }
}

} // namespace mnad::ui
