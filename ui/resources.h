#pragma once
// The icons in resources/mnad_studio.qrc live in the static mnad_ui library, whose resources must be registered
// explicitly before use.

namespace mnad::ui {

void initResources(); // idempotent

} // namespace mnad::ui
