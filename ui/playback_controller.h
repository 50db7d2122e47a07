#pragma once
// The player's transport: the current frame, play/pause at the video's fps times a speed, forward or backward,
// loop, and the keyboard shortcuts of desktop players (Space, . , Left/Right, Shift+Left/Right, J/K/L, Home/End,
// [ ], N/P for the next/previous anomalous segment) as QActions the main window can put in a Playback menu.

#include "ui/score_segments.h"

#include <QElapsedTimer>
#include <QObject>

#include <vector>

class QAction;
class QTimer;
class QWidget;

namespace mnad::ui {

class PlaybackController : public QObject {
    Q_OBJECT
public:
    explicit PlaybackController(QObject* parent = nullptr);

    // A new video: frame 0, paused; fps <= 0 plays at 25.
    void setVideo(int frameCount, double fps);
    // The rate once the source tells it (keeps the frame and the playing state).
    void setFps(double fps);
    // Segments that N / P jump between (e.g. the frames over the threshold), sorted by first frame.
    void setSegments(std::vector<FrameSegment> segments);

    int frameCount() const { return m_frameCount; }
    int currentFrame() const { return m_frame; }
    double fps() const { return m_fps; }
    double speed() const { return m_speed; }
    bool isPlaying() const { return m_playing; }
    bool isLooping() const { return m_loop; }
    int direction() const { return m_direction; }

    // All actions, in menu order (separators included as separator actions); shortcuts apply within the
    // widget given to attachShortcuts (window-wide when it is a window's child: Qt::WidgetWithChildrenShortcut).
    QList<QAction*> actions() const { return m_actions; }
    QAction* action(const QString& objectName) const;
    void attachShortcuts(QWidget* widget);

public slots:
    void seek(int frame);
    void step(int frames);
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double speed);
    void setLoop(bool loop);
    void shuttleBackward(); // J: play backwards, faster on each press
    void shuttleForward();  // L: play forwards, faster on each press
    void nextSegment();
    void previousSegment();

signals:
    void frameChanged(int frame);
    void playingChanged(bool playing);
    void speedChanged(double speed);

private:
    QAction* addAction(const QString& name, const QString& text, const QList<QKeySequence>& keys);
    void createActions();
    void advance();
    void restartTimer();

    QTimer* m_timer;
    QElapsedTimer m_clock; // frames follow wall time, so slow paints drop frames instead of slowing playback
    double m_clockOrigin = 0;
    int m_frameCount = 0;
    int m_frame = 0;
    double m_fps = 25;
    double m_speed = 1;
    int m_direction = 1;
    bool m_playing = false;
    bool m_loop = false;
    std::vector<FrameSegment> m_segments;
    QList<QAction*> m_actions;
};

} // namespace mnad::ui
