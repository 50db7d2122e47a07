# Finds oneDNN 2.x's headers and library without dnnl's own CMake package: Debian's dnnl-config.cmake requires
# OpenCL's development files (its library is built with the OpenCL GPU runtime), which nothing of ours uses.
# Defines MnadDnnl_FOUND, MnadDnnl_VERSION and the imported target Mnad::dnnl.
find_path(MnadDnnl_INCLUDE_DIR oneapi/dnnl/dnnl.hpp)
find_library(MnadDnnl_LIBRARY NAMES dnnl)

if(MnadDnnl_INCLUDE_DIR AND EXISTS "${MnadDnnl_INCLUDE_DIR}/oneapi/dnnl/dnnl_version.h")
  file(STRINGS "${MnadDnnl_INCLUDE_DIR}/oneapi/dnnl/dnnl_version.h" _mnad_dnnl_version_lines
       REGEX "^#define DNNL_VERSION_(MAJOR|MINOR|PATCH) +[0-9]+")
  foreach(_part MAJOR MINOR PATCH)
    string(REGEX REPLACE ".*#define DNNL_VERSION_${_part} +([0-9]+).*" "\\1" _mnad_dnnl_${_part}
           "${_mnad_dnnl_version_lines}")
  endforeach()
  set(MnadDnnl_VERSION "${_mnad_dnnl_MAJOR}.${_mnad_dnnl_MINOR}.${_mnad_dnnl_PATCH}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(MnadDnnl REQUIRED_VARS MnadDnnl_LIBRARY MnadDnnl_INCLUDE_DIR
                                  VERSION_VAR MnadDnnl_VERSION)

if(MnadDnnl_FOUND AND NOT TARGET Mnad::dnnl)
  add_library(Mnad::dnnl UNKNOWN IMPORTED)
  set_target_properties(Mnad::dnnl PROPERTIES
    IMPORTED_LOCATION "${MnadDnnl_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${MnadDnnl_INCLUDE_DIR}")
endif()
mark_as_advanced(MnadDnnl_INCLUDE_DIR MnadDnnl_LIBRARY)
