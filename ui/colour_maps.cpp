#include "ui/colour_maps.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace mnad::ui {

QRgb turboColour(double t)
{
    // Polynomial fit of Turbo by its author (Anton Mikhailov): max error below 1/255 per channel.
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
    const double r = 0.13572138 + t * (4.61539260 + t * (-42.66032258 + t * (132.13108234 +
                     t * (-152.94239396 + t * 59.28637943))));
    const double g = 0.09140261 + t * (2.19418839 + t * (4.84296658 + t * (-14.18503333 +
                     t * (4.27729857 + t * 2.82956604))));
    const double b = 0.10667330 + t * (12.64194608 + t * (-60.58204836 + t * (110.36276771 +
                     t * (-89.90310912 + t * 27.34824973))));
    auto channel = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); };
    return qRgb(channel(r), channel(g), channel(b));
}

QLinearGradient turboGradient()
{
    QLinearGradient gradient(0, 0, 1, 0);
    gradient.setCoordinateMode(QGradient::ObjectBoundingMode);
    for (int i = 0; i <= 16; ++i)
        gradient.setColorAt(i / 16.0, QColor(turboColour(i / 16.0)));
    return gradient;
}

QImage heatmapImage(const float* values, int width, int height, float low, float high, int alpha)
{
    QImage image(width, height, QImage::Format_ARGB32);
    std::array<QRgb, 256> lut;
    for (int i = 0; i < 256; ++i) {
        const QRgb c = turboColour(i / 255.0);
        lut[static_cast<size_t>(i)] = qRgba(qRed(c), qGreen(c), qBlue(c), alpha);
    }
    const float scale = high > low ? 255.0f / (high - low) : 0.0f;
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        const float* row = values + static_cast<ptrdiff_t>(y) * width;
        for (int x = 0; x < width; ++x) {
            const float v = std::clamp((row[x] - low) * scale, 0.0f, 255.0f);
            line[x] = lut[static_cast<size_t>(std::isfinite(v) ? v : 0.0f)];
        }
    }
    return image;
}

QColor categoricalColour(int index)
{
    // Tableau 20: distinguishable on photos and to most colour-blind viewers in the first ten.
    static const std::array<QRgb, 20> palette = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
        0xaec7e8, 0xffbb78, 0x98df8a, 0xff9896, 0xc5b0d5, 0xc49c94, 0xf7b6d2, 0xc7c7c7, 0xdbdb8d, 0x9edae5};
    const int n = static_cast<int>(palette.size());
    return QColor(QRgb(palette[static_cast<size_t>(((index % n) + n) % n)]));
}

QImage categoricalImage(const int16_t* categories, int width, int height, int alpha)
{
    QImage image(width, height, QImage::Format_ARGB32);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const QColor c = categoricalColour(categories[static_cast<ptrdiff_t>(y) * width + x]);
            line[x] = qRgba(c.red(), c.green(), c.blue(), alpha);
        }
    }
    return image;
}

QImage imageFromBgr(const uint8_t* bgr, int width, int height)
{
    // The BGR view borrows the caller's bytes; the converted copy owns its own.
    QImage image(bgr, width, height, width * 3, QImage::Format_BGR888);
    return image.convertToFormat(QImage::Format_RGB888);
}

} // namespace mnad::ui
