#include "app/cli/interrupt.h"

#include <csignal>
#include <unistd.h>

namespace mnad::cli {

namespace {
StopToken* g_token = nullptr;

extern "C" void onInterrupt(int signal)
{
    if (g_token && !g_token->stopRequested()) {
        g_token->requestStop();
        const char message[] = "\nstopping after this step (Ctrl-C again to kill)...\n";
        (void)!write(STDERR_FILENO, message, sizeof message - 1);
        return;
    }
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}
} // namespace

InterruptGuard::InterruptGuard(StopToken& token)
{
    g_token = &token;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

InterruptGuard::~InterruptGuard()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_token = nullptr;
}

} // namespace mnad::cli
