# Compiler cache, warnings and the helper every project target calls.

find_program(MNAD_CCACHE ccache)
if(MNAD_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  # The sloppiness settings let ccache cache translation units that use a precompiled header; the base directory
  # makes paths relative, so that another checkout of the same sources (CI's fresh clone) hits the same cache.
  set(CMAKE_CXX_COMPILER_LAUNCHER
      ${CMAKE_COMMAND} -E env CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
      CCACHE_BASEDIR=${CMAKE_SOURCE_DIR} ${MNAD_CCACHE})
endif()

# mnad_project_target(<target>): warnings on (errors with MNAD_WERROR) for our own code only;
# third-party headers come in as system includes and are not affected.
function(mnad_project_target target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  if(MNAD_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# mnad_use_torch_pch(<target>): share core's precompiled torch header when the flags allow it.
function(mnad_use_torch_pch target)
  if(MNAD_USE_PCH)
    target_precompile_headers(${target} REUSE_FROM mnad_core)
  endif()
endfunction()

# mnad_qt_target(<target>): Qt's strict string rules for our Qt code (as Tiled and qBittorrent do).
# QT_NO_FOREACH cannot be defined: qcustomplot.h uses foreach. tools/check-conventions.sh bans it in our code.
function(mnad_qt_target target)
  set_target_properties(${target} PROPERTIES AUTOMOC ON AUTORCC ON)
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER)
endfunction()

# Header-only dependencies: Debian's packages when present, else the copies in third_party/ (a GPU machine with
# only a CUDA LibTorch has neither).
function(mnad_find_header_only_deps)
  find_package(CLI11 QUIET)
  if(NOT TARGET CLI11::CLI11)
    add_library(CLI11::CLI11 INTERFACE IMPORTED GLOBAL)
    target_include_directories(CLI11::CLI11 SYSTEM INTERFACE ${PROJECT_SOURCE_DIR}/third_party/cli11/include)
    message(STATUS "CLI11: using third_party/cli11")
  endif()
  find_package(nlohmann_json QUIET)
  if(NOT TARGET nlohmann_json::nlohmann_json)
    add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED GLOBAL)
    target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE
                               ${PROJECT_SOURCE_DIR}/third_party/nlohmann_json/include)
    message(STATUS "nlohmann_json: using third_party/nlohmann_json")
  endif()
endfunction()
