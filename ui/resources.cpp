#include "ui/resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void registerStudioResources()
{
    Q_INIT_RESOURCE(mnad_studio);
}

namespace mnad::ui {

void initResources()
{
    static const bool done = (registerStudioResources(), true);
    (void)done;
}

} // namespace mnad::ui
