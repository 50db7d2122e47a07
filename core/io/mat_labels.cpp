#include "core/io/mat_labels.h"

#include "core/data/data_error.h"

#include <matio.h>

#include <cmath>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>

namespace mnad {

namespace {

struct MatCloser {
    void operator()(mat_t* mat) const { Mat_Close(mat); }
};
struct VarFreer {
    void operator()(matvar_t* var) const { Mat_VarFree(var); }
};

std::string dimsString(const matvar_t* v)
{
    std::string out;
    for (int k = 0; k < v->rank; ++k)
        out += (k ? "x" : "") + std::to_string(v->dims[k]);
    return out.empty() ? "0-d" : out;
}

std::size_t elementCount(const matvar_t* v)
{
    std::size_t n = v->rank > 0 ? 1 : 0;
    for (int k = 0; k < v->rank; ++k)
        n *= v->dims[k];
    return n;
}

std::string className(matio_classes c)
{
    switch (c) {
    case MAT_C_CELL: return "cell array";
    case MAT_C_STRUCT: return "struct";
    case MAT_C_OBJECT: return "object";
    case MAT_C_CHAR: return "char array";
    case MAT_C_SPARSE: return "sparse matrix";
    case MAT_C_FUNCTION: return "function handle";
    case MAT_C_EMPTY: return "empty value";
    default: return "numeric matrix";
    }
}

template <typename T>
T elementAt(const matvar_t* m, std::size_t i)
{
    return static_cast<const T*>(m->data)[i];
}

// Element i of a real numeric matrix, which must be a whole number that fits in 64 bits.
int64_t wholeNumberAt(const matvar_t* m, std::size_t i, const std::filesystem::path& file, const std::string& where)
{
    double d = 0;
    switch (m->data_type) {
    case MAT_T_INT8: return elementAt<int8_t>(m, i);
    case MAT_T_UINT8: return elementAt<uint8_t>(m, i);
    case MAT_T_INT16: return elementAt<int16_t>(m, i);
    case MAT_T_UINT16: return elementAt<uint16_t>(m, i);
    case MAT_T_INT32: return elementAt<int32_t>(m, i);
    case MAT_T_UINT32: return elementAt<uint32_t>(m, i);
    case MAT_T_INT64: return elementAt<int64_t>(m, i);
    case MAT_T_UINT64: d = static_cast<double>(elementAt<uint64_t>(m, i)); break;
    case MAT_T_SINGLE: d = elementAt<float>(m, i); break;
    default: d = elementAt<double>(m, i); break; // the caller has checked the type
    }
    // 2^53: beyond it doubles skip whole numbers; no video is that long.
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9007199254740992.0) {
        std::ostringstream text;
        text << d;
        throw DataError(file, where + "value " + text.str() + " is not a whole frame number");
    }
    return static_cast<int64_t>(d);
}

int bytesOf(matio_types t)
{
    switch (t) {
    case MAT_T_INT8: case MAT_T_UINT8: return 1;
    case MAT_T_INT16: case MAT_T_UINT16: return 2;
    case MAT_T_INT32: case MAT_T_UINT32: case MAT_T_SINGLE: return 4;
    case MAT_T_INT64: case MAT_T_UINT64: case MAT_T_DOUBLE: return 8;
    default: return 0;
    }
}

// One cell of gt: a 2×K matrix, column k = [start; end] (MATLAB stores columns contiguously).
std::vector<FrameInterval> cellIntervals(const matvar_t* cell, std::size_t index, const std::filesystem::path& file)
{
    const std::string where = "gt{" + std::to_string(index + 1) + "}: ";
    if (cell == nullptr || elementCount(cell) == 0)
        return {}; // [] in MATLAB: a video without abnormal frames
    if (cell->class_type < MAT_C_DOUBLE || cell->class_type > MAT_C_UINT64 || cell->isComplex)
        throw DataError(file, where + "is a " + (cell->isComplex ? std::string("complex matrix") :
                                                 className(cell->class_type)) + ", expected a real numeric matrix");
    if (cell->rank != 2 || cell->dims[0] != 2)
        throw DataError(file, where + "is " + dimsString(cell) + ", expected 2xK ([start; end] per column)");
    const std::size_t count = elementCount(cell);
    const int size = bytesOf(cell->data_type);
    if (size == 0 || size != cell->data_size || cell->data == nullptr || cell->nbytes < count * std::size_t(size))
        throw DataError(file, where + "unreadable numeric data");
    std::vector<FrameInterval> intervals;
    for (std::size_t k = 0; k < cell->dims[1]; ++k)
        intervals.emplace_back(wholeNumberAt(cell, 2 * k, file, where), wholeNumberAt(cell, 2 * k + 1, file, where));
    return intervals;
}

} // namespace

std::vector<std::vector<FrameInterval>> readMatIntervals(const std::filesystem::path& file)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw DataError(file, std::filesystem::exists(file, ec) ? "not a regular file" : "file does not exist");
    std::unique_ptr<mat_t, MatCloser> mat(Mat_Open(file.string().c_str(), MAT_ACC_RDONLY));
    if (!mat)
        throw DataError(file, "cannot open as a MATLAB .mat file");
    std::unique_ptr<matvar_t, VarFreer> gt(Mat_VarRead(mat.get(), "gt"));
    if (!gt)
        throw DataError(file, "no variable 'gt' (ano_pred ground truth) in the file");
    if (gt->class_type != MAT_C_CELL)
        throw DataError(file, "variable 'gt' is a " + className(gt->class_type) + ", expected a cell array");
    if (gt->rank != 2 || (gt->dims[0] != 1 && gt->dims[1] != 1))
        throw DataError(file, "variable 'gt' is a " + dimsString(gt.get()) +
                                  " cell array, expected 1xV (one cell per test video)");
    const std::size_t videos = elementCount(gt.get());
    std::vector<std::vector<FrameInterval>> perVideo;
    for (std::size_t v = 0; v < videos; ++v)
        perVideo.push_back(cellIntervals(Mat_VarGetCell(gt.get(), static_cast<int>(v)), v, file));
    return perVideo;
}

std::vector<std::vector<uint8_t>> readMatLabels(const std::filesystem::path& file,
                                                const std::vector<int64_t>& frameCounts)
{
    return labelsFromIntervals(readMatIntervals(file), frameCounts, file);
}

} // namespace mnad
