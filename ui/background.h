#pragma once
// Runs a function on Qt's thread pool and hands its result to a callback on `context`'s thread (dropped when
// `context` is gone first): for reads that must not block the GUI thread. `work` must not capture the context.

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace mnad::ui {

template <typename Work, typename Done>
void runInBackground(QObject* context, Work work, Done done)
{
    using Result = decltype(work());
    auto* watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace mnad::ui
