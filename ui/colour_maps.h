#pragma once
// Colour maps for the inspector's overlays: a perceptual sequential map (Turbo) for error and attention heatmaps,
// and a categorical palette for "which memory item" maps, as QImages ready to draw over a frame.

#include <QColor>
#include <QImage>
#include <QLinearGradient>

#include <cstdint>

namespace mnad::ui {

// Turbo (Google, 2019) at t in [0, 1] (clamped).
QRgb turboColour(double t);
// The same map as a gradient from 0 to 1 along (0,0)→(1,0) in object-bounding coordinates, for colour scales.
QLinearGradient turboGradient();

// A width×height ARGB32 heatmap of values mapped linearly from [low, high] to Turbo; `alpha` for every pixel.
QImage heatmapImage(const float* values, int width, int height, float low, float high, int alpha = 255);

// Distinct colours for categories (memory items); index wraps around a 20-colour palette.
QColor categoricalColour(int index);
// A width×height ARGB32 image colouring each cell by its category.
QImage categoricalImage(const int16_t* categories, int width, int height, int alpha = 255);

// BGR24 bytes (row-major, tightly packed) to a QImage (RGB888, owning its pixels).
QImage imageFromBgr(const uint8_t* bgr, int width, int height);

} // namespace mnad::ui
