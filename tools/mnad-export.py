#!/usr/bin/env python3
"""Export an MNAD Studio checkpoint (or a converted official one) for deployment: TorchScript or ONNX.

The exported model is the inference path only: encoder -> L2-normalised queries -> memory read (attention over
the items, which are a constant of the file) -> decoder. No test-time memory update: the memory stays as trained.

  input:  N x C x H x W float32 in [-1, 1], frames as MNAD reads them (BGR, resized, x/127.5 - 1);
          prediction: C = 3*(t_length-1), the t_length-1 input frames stacked oldest first; reconstruction: C = 3.
          H and W: multiples of 8 (the model is fully convolutional; it was trained at the checkpoint's size).
  output: N x 3 x H x W in [-1, 1], the predicted next frame (pred) or the reconstructed frame (recon).

TorchScript files load in C++ with torch::jit::load(path) and in Python with torch.jit.load(path); their
description (method, sizes, input layout) is stored inside as the extra file "mnad.json".
"""

import argparse
import collections
import io
import json
import os
import pickle
import sys
import warnings
import zipfile
from typing import Tuple

import torch
import torch.nn.functional as F
from torch import nn


# ---- the official layers, under the official names (so the state dict loads by name, strict) ----

def _conv(cin, cout):
    return nn.Conv2d(cin, cout, kernel_size=3, stride=1, padding=1)


def basic(cin, cout):
    return nn.Sequential(_conv(cin, cout), nn.BatchNorm2d(cout), nn.ReLU(inplace=False),
                         _conv(cout, cout), nn.BatchNorm2d(cout), nn.ReLU(inplace=False))


def basic_open(cin, cout):  # the last encoder stage ends with the raw convolution
    return nn.Sequential(_conv(cin, cout), nn.BatchNorm2d(cout), nn.ReLU(inplace=False), _conv(cout, cout))


def upsample(cin, cout):
    return nn.Sequential(nn.ConvTranspose2d(cin, cout, kernel_size=3, stride=2, padding=1, output_padding=1),
                         nn.BatchNorm2d(cout), nn.ReLU(inplace=False))


def generator(cin, cout, hidden):
    return nn.Sequential(_conv(cin, hidden), nn.BatchNorm2d(hidden), nn.ReLU(inplace=False),
                         _conv(hidden, hidden), nn.BatchNorm2d(hidden), nn.ReLU(inplace=False),
                         _conv(hidden, cout), nn.Tanh())


class Encoder(nn.Module):
    def __init__(self, in_channels: int, width: int):
        super().__init__()
        w = width
        self.moduleConv1 = basic(in_channels, w)
        self.modulePool1 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.moduleConv2 = basic(w, 2 * w)
        self.modulePool2 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.moduleConv3 = basic(2 * w, 4 * w)
        self.modulePool3 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.moduleConv4 = basic_open(4 * w, 8 * w)
        self.moduleBatchNorm = nn.BatchNorm2d(8 * w)  # declared, unused, as in the official code
        self.moduleReLU = nn.ReLU(inplace=False)

    def forward(self, x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        skip1 = self.moduleConv1(x)
        skip2 = self.moduleConv2(self.modulePool1(skip1))
        skip3 = self.moduleConv3(self.modulePool2(skip2))
        return self.moduleConv4(self.modulePool3(skip3)), skip1, skip2, skip3


class Decoder(nn.Module):
    __constants__ = ["skips"]

    def __init__(self, width: int, out_channels: int, skips: bool):
        super().__init__()
        w = width
        self.skips = skips
        up = (lambda c: c // 2) if skips else (lambda c: c)  # with skips the encoder brings the other half
        self.moduleConv = basic(16 * w, 8 * w)
        self.moduleUpsample4 = upsample(8 * w, up(8 * w))
        self.moduleDeconv3 = basic(8 * w, 4 * w)
        self.moduleUpsample3 = upsample(4 * w, up(4 * w))
        self.moduleDeconv2 = basic(4 * w, 2 * w)
        self.moduleUpsample2 = upsample(2 * w, up(2 * w))
        self.moduleDeconv1 = generator(2 * w, out_channels, w)

    def _join(self, skip: torch.Tensor, up: torch.Tensor) -> torch.Tensor:
        return torch.cat([skip, up], dim=1) if self.skips else up  # skip first, as in the official code

    def forward(self, x: torch.Tensor, skip1: torch.Tensor, skip2: torch.Tensor,
                skip3: torch.Tensor) -> torch.Tensor:
        x = self.moduleConv(x)
        x = self.moduleDeconv3(self._join(skip3, self.moduleUpsample4(x)))
        x = self.moduleDeconv2(self._join(skip2, self.moduleUpsample3(x)))
        return self.moduleDeconv1(self._join(skip1, self.moduleUpsample2(x)))


class MnadInference(nn.Module):
    """encoder + memory read + decoder; the memory is a buffer outside the state dict, so that the official state
    dict loads with strict=True and the items still travel inside the exported file."""

    def __init__(self, method: str, width: int, t_length: int, memory_size: int, channels: int = 3):
        super().__init__()
        in_channels = channels * (t_length - 1) if method == "pred" else channels
        self.encoder = Encoder(in_channels, width)
        self.decoder = Decoder(width, channels, skips=method == "pred")
        self.register_buffer("memory_items", torch.zeros(memory_size, 8 * width), persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        features, skip1, skip2, skip3 = self.encoder(x)
        queries = F.normalize(features, dim=1)
        b, d, h, w = queries.shape
        flat = queries.permute(0, 2, 3, 1).reshape(-1, d)
        attention = torch.softmax(torch.matmul(flat, self.memory_items.t()), dim=1)  # over the items, per query
        read = torch.matmul(attention, self.memory_items)
        joined = torch.cat([flat, read], dim=1).view(b, h, w, 2 * d).permute(0, 3, 1, 2)
        return self.decoder(joined, skip1, skip2, skip3)


# ---- loading a checkpoint and exporting ----

class ExportError(Exception):
    pass


_STORAGE_DTYPES = {"FloatStorage": torch.float32, "DoubleStorage": torch.float64, "HalfStorage": torch.float16,
                   "BFloat16Storage": torch.bfloat16, "LongStorage": torch.int64, "IntStorage": torch.int32,
                   "ShortStorage": torch.int16, "CharStorage": torch.int8, "ByteStorage": torch.uint8,
                   "BoolStorage": torch.bool}


def _rebuild_tensor(storage, offset, size, stride, *unused):
    return storage.as_strided(size, stride, offset).clone()


def _restore_type_tag(value, type_name):  # LibTorch's pickler tags typed containers; the value is all we need
    return value


def read_checkpoint(path):
    """The plain dict of a zip-format torch file (torch.save, or torch::pickle_save in C++), read by an unpickler
    that knows tensors and plain values only: unlike torch.load, it never runs code from the file, and unlike
    torch.load(weights_only=True) it reads LibTorch's type tags."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        pickled = [n for n in names if n.endswith("/data.pkl") or n == "data.pkl"]
        if not pickled:
            raise ExportError("%s: a zip file, but not a torch checkpoint (no data.pkl)" % path)
        prefix = pickled[0][:-len("data.pkl")]

        class TensorsOnly(pickle.Unpickler):
            def find_class(self, module, name):
                if module == "torch" and name in _STORAGE_DTYPES:
                    return _STORAGE_DTYPES[name]
                allowed = {("torch._utils", "_rebuild_tensor_v2"): _rebuild_tensor,
                           ("torch.jit._pickle", "restore_type_tag"): _restore_type_tag,
                           ("collections", "OrderedDict"): collections.OrderedDict}
                if (module, name) not in allowed:
                    raise ExportError("%s: refusing to load %s.%s (a checkpoint holds tensors and plain values "
                                      "only; official model.pth files need tools/mnad-convert.py)"
                                      % (path, module, name))
                return allowed[(module, name)]

            def persistent_load(self, pid):  # ("storage", dtype, key, location, numel)
                dtype, key = pid[1], pid[2]
                raw = archive.read(prefix + "data/" + str(key))
                return torch.frombuffer(bytearray(raw), dtype=dtype) if raw else torch.empty(0, dtype=dtype)

        return TensorsOnly(io.BytesIO(archive.read(pickled[0])), encoding="utf-8").load()


def load_checkpoint(path):
    """(model in eval mode, description) from an MNAD Studio checkpoint or a converted official one."""
    if not os.path.isfile(path):
        raise ExportError("%s: no such file" % path)
    if not zipfile.is_zipfile(path):
        raise ExportError("%s: not a zip-format torch file (truncated, not a checkpoint, or a legacy-format "
                          "file: convert official model.pth files with tools/mnad-convert.py first)" % path)
    try:
        checkpoint = read_checkpoint(path)
    except (pickle.UnpicklingError, zipfile.BadZipFile, KeyError, EOFError, ValueError, RuntimeError) as e:
        raise ExportError("%s: not a readable MNAD checkpoint (%s: %s)" % (path, type(e).__name__, e))
    if not isinstance(checkpoint, dict) or "state_dict" not in checkpoint or "meta" not in checkpoint:
        raise ExportError("%s: not an MNAD checkpoint (no state_dict/meta entries)" % path)
    meta = checkpoint["meta"]
    missing = [key for key in ("method", "t_length", "memory_size", "feature_dim") if key not in meta]
    if missing or "m_items" not in checkpoint:
        raise ExportError("%s: incomplete checkpoint (no %s)" % (path, ", ".join(missing or ["m_items"])))
    width = int(meta.get("width", int(meta["feature_dim"]) // 8))
    description = {"method": meta["method"], "t_length": int(meta["t_length"]), "width": width,
                   "memory_size": int(meta["memory_size"]), "feature_dim": 8 * width,
                   "image_channels": int(meta.get("image_channels", 3)),
                   "image_size": int(meta.get("image_size", 256))}
    model = MnadInference(description["method"], width, description["t_length"], description["memory_size"],
                          description["image_channels"])
    try:
        model.load_state_dict(checkpoint["state_dict"], strict=True)
    except RuntimeError as e:
        raise ExportError("%s: does not fit the %s model its meta describes: %s" % (path, meta["method"], e))
    items = checkpoint["m_items"]
    if tuple(items.shape) != tuple(model.memory_items.shape):
        raise ExportError("%s: memory 'm_items' has shape %s, expected %s"
                          % (path, tuple(items.shape), tuple(model.memory_items.shape)))
    model.memory_items = items.detach().float().clone()
    return model.eval(), description


def input_layout(d):
    channels = d["image_channels"] * (d["t_length"] - 1) if d["method"] == "pred" else d["image_channels"]
    return dict(d, input="N x %d x H x W float32 in [-1, 1] (BGR frames, x/127.5 - 1%s); H, W multiples of 8"
                % (channels, ", oldest first" if d["method"] == "pred" else ""),
                output="N x %d x H x W in [-1, 1]: the %s frame"
                % (d["image_channels"], "predicted next" if d["method"] == "pred" else "reconstructed"))


def example_input(d, size):
    channels = d["image_channels"] * (d["t_length"] - 1) if d["method"] == "pred" else d["image_channels"]
    return torch.rand(1, channels, size, size, generator=torch.Generator().manual_seed(0)) * 2 - 1


def export_torchscript(model, description, out):
    scripted = torch.jit.script(model)
    with torch.no_grad():  # the scripted model must compute what the eager one does
        x = example_input(description, 32)
        difference = (scripted(x) - model(x)).abs().max().item()
    if difference > 1e-5:
        raise ExportError("the scripted model differs from the eager one by %g" % difference)
    scripted.save(out, _extra_files={"mnad.json": json.dumps(input_layout(description), indent=2)})


def export_onnx(model, description, out, size):
    if size % 8:
        raise ExportError("--size %d: the model needs a multiple of 8" % size)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # torch.onnx's notes on shape inference of constants
        torch.onnx.export(model, example_input(description, size), out, opset_version=13, input_names=["input"],
                          output_names=["output"], dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    try:
        import onnx  # optional (Debian: python3-onnx): checks the graph's structure, not its numbers
    except ImportError:
        return
    onnx.checker.check_model(onnx.load(out))


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="mnad-export.py",
        description="Export an MNAD Studio checkpoint (runs/.../checkpoints/final.pt, or a file written by "
                    "mnad-convert.py) for deployment: encoder + memory read + decoder, the memory a constant.",
        epilog="input: N x C x H x W in [-1, 1] (pred: C = 3*(t_length-1), frames oldest first; recon: C = 3); "
               "output: the predicted or reconstructed frame, N x 3 x H x W in [-1, 1].")
    parser.add_argument("checkpoint", help="checkpoint file (.pt)")
    parser.add_argument("out", help="file to write (.pt for TorchScript, .onnx for ONNX)")
    parser.add_argument("--format", choices=("torchscript", "onnx"), default="torchscript",
                        help="torchscript (default; torch::jit::load in C++) or onnx (opset 13, batch dynamic, "
                             "H and W fixed to --size)")
    parser.add_argument("--size", type=int, help="ONNX: input height and width (default: the checkpoint's)")
    args = parser.parse_args(argv)
    try:
        model, description = load_checkpoint(args.checkpoint)
        if args.format == "torchscript":
            export_torchscript(model, description, args.out)
        else:
            export_onnx(model, description, args.out, args.size or description["image_size"])
    except ExportError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    print("wrote %s (%s): %s model, width %d, memory %d x %d"
          % (args.out, args.format, description["method"], description["width"], description["memory_size"],
             description["feature_dim"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
