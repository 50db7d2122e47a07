#!/usr/bin/env python3
"""Convert official MNAD weights (model.pth + keys.pt) into a checkpoint MNAD Studio opens.

The official Train.py saves `torch.save(model)` (a pickled whole module, which only Python with the MNAD source
can unpickle) and `torch.save(m_items)` (the memory). This script unpickles both on the CPU and writes one
zip-format torch file holding a plain dict, the layout MNAD Studio's C++ loader reads without running code:

    {"format": "mnad-official-import", "version": 1,
     "state_dict": {official key -> tensor},         # every parameter and buffer (BatchNorm statistics too)
     "m_items": M x D float32 memory,
     "meta": {"method", "t_length", "memory_size", "feature_dim", "width", "image_channels", "source"}}

Needs Python with PyTorch; reading model.pth also needs the official MNAD repository (its `model/` package).
"""

import argparse
import collections.abc
import inspect
import os
import sys

FORMAT_NAME = "mnad-official-import"
IMAGE_CHANNELS = 3


class ConversionError(Exception):
    """A problem with the user's files, explained in words; printed without a traceback."""


# ---- the official architecture: key names and shapes (spec parity.md) ----

def _conv(prefix, cin, cout):
    return [(prefix + ".weight", (cout, cin, 3, 3)), (prefix + ".bias", (cout,))]


def _deconv(prefix, cin, cout):  # ConvTranspose2d weights are in x out
    return [(prefix + ".weight", (cin, cout, 3, 3)), (prefix + ".bias", (cout,))]


def _batch_norm(prefix, channels):
    return [(prefix + ".weight", (channels,)), (prefix + ".bias", (channels,)),
            (prefix + ".running_mean", (channels,)), (prefix + ".running_var", (channels,)),
            (prefix + ".num_batches_tracked", ())]


def _basic(prefix, cin, cout, open_end=False):
    keys = _conv(prefix + ".0", cin, cout) + _batch_norm(prefix + ".1", cout) + _conv(prefix + ".3", cout, cout)
    return keys if open_end else keys + _batch_norm(prefix + ".4", cout)


def _upsample(prefix, cin, cout):
    return _deconv(prefix + ".0", cin, cout) + _batch_norm(prefix + ".1", cout)


def _generator(prefix, cin, cout, hidden):
    return (_conv(prefix + ".0", cin, hidden) + _batch_norm(prefix + ".1", hidden) +
            _conv(prefix + ".3", hidden, hidden) + _batch_norm(prefix + ".4", hidden) +
            _conv(prefix + ".6", hidden, cout))


def official_shapes(method, width=64, t_length=5, channels=IMAGE_CHANNELS):
    """[(key, shape)] of the official convAE's state dict, in registration order. width 64 is the paper's model;
    prediction reads channels*(t_length-1) input channels, reconstruction `channels` (its t_length is 1)."""
    if method not in ("pred", "recon"):
        raise ValueError("method must be 'pred' or 'recon'")
    w = width
    skips = method == "pred"
    up = (lambda c: c // 2) if skips else (lambda c: c)  # with skips the other half comes from the encoder
    inputs = channels * (t_length - 1) if skips else channels
    e = "encoder."
    keys = (_basic(e + "moduleConv1", inputs, w) + _basic(e + "moduleConv2", w, 2 * w) +
            _basic(e + "moduleConv3", 2 * w, 4 * w) + _basic(e + "moduleConv4", 4 * w, 8 * w, open_end=True) +
            _batch_norm(e + "moduleBatchNorm", 8 * w))  # declared but unused in forward(); its keys exist
    d = "decoder."
    keys += (_basic(d + "moduleConv", 16 * w, 8 * w) + _upsample(d + "moduleUpsample4", 8 * w, up(8 * w)) +
             _basic(d + "moduleDeconv3", 8 * w, 4 * w) + _upsample(d + "moduleUpsample3", 4 * w, up(4 * w)) +
             _basic(d + "moduleDeconv2", 4 * w, 2 * w) + _upsample(d + "moduleUpsample2", 2 * w, up(2 * w)) +
             _generator(d + "moduleDeconv1", 2 * w, channels, w))
    return keys


def describe(state_dict, m_items):
    """The meta dict of a state dict and memory; raises ConversionError naming every key that does not fit the
    official architecture the shapes imply."""
    def shape(key):
        if key not in state_dict:
            raise ConversionError("not an MNAD state dict: no key '%s'" % key)
        return tuple(state_dict[key].shape)

    feature_dim = shape("encoder.moduleConv4.3.weight")[0]
    width = feature_dim // 8
    up4 = shape("decoder.moduleUpsample4.0.weight")
    method = "pred" if up4[1] * 2 == up4[0] else "recon"
    in_channels = shape("encoder.moduleConv1.0.weight")[1]
    t_length = in_channels // IMAGE_CHANNELS + 1 if method == "pred" else 1
    problems = []
    expected = official_shapes(method, width, t_length)
    for key, want in expected:
        if key not in state_dict:
            problems.append("missing key '%s'" % key)
        elif tuple(state_dict[key].shape) != want:
            problems.append("key '%s' has shape %s, expected %s" % (key, tuple(state_dict[key].shape), want))
    known = {key for key, _ in expected}
    problems += ["unexpected key '%s'" % key for key in state_dict if key not in known]
    if m_items.dim() != 2 or m_items.shape[1] != feature_dim:
        problems.append("memory has shape %s, expected (M, %d)" % (tuple(m_items.shape), feature_dim))
    if problems:
        raise ConversionError("does not fit the official %s model of width %d:\n  %s"
                              % (method, width, "\n  ".join(problems)))
    return {"method": method, "t_length": t_length, "memory_size": int(m_items.shape[0]),
            "feature_dim": feature_dim, "width": width, "image_channels": IMAGE_CHANNELS, "source": "official MNAD"}


# ---- reading the official files (needs the MNAD source) ----

def _torch_load(torch, path):
    if not os.path.isfile(path):
        raise ConversionError("%s: no such file" % path)
    kwargs = {"map_location": "cpu"}
    if "weights_only" in inspect.signature(torch.load).parameters:
        kwargs["weights_only"] = False  # a whole-module pickle; newer PyTorch refuses it by default
    try:
        return torch.load(path, **kwargs)
    except ModuleNotFoundError as e:
        raise ConversionError("%s: unpickling it needs the module '%s' of the official code: put the MNAD "
                              "repository on --mnad-src (the folder holding model/ and Train.py)" % (path, e.name))
    except Exception as e:  # noqa: BLE001 - torch raises many kinds for a broken file
        raise ConversionError("%s: not a readable torch file (%s: %s)" % (path, type(e).__name__, e))


def _plain_state_dict(loaded, path):
    """model.pth as Train.py writes it (a module), or the state dict of one (also under "state_dict")."""
    if hasattr(loaded, "state_dict") and callable(loaded.state_dict):
        loaded = loaded.state_dict()
    elif isinstance(loaded, collections.abc.Mapping) and "state_dict" in loaded:
        if loaded.get("format") == FORMAT_NAME or "m_items" in loaded:
            raise ConversionError("%s is already a converted checkpoint: open it in MNAD Studio directly" % path)
        loaded = loaded["state_dict"]
    if not isinstance(loaded, collections.abc.Mapping):
        raise ConversionError("%s holds a %s, not an MNAD model" % (path, type(loaded).__name__))
    prefix = "module."  # nn.DataParallel adds it
    return {(k[len(prefix):] if k.startswith(prefix) else k): v for k, v in loaded.items()}


def load_official(model_path, keys_path, mnad_src=None):
    """(state_dict, m_items) from the official model.pth and keys.pt, on the CPU."""
    import torch
    if mnad_src:
        if not os.path.isdir(os.path.join(mnad_src, "model")):
            raise ConversionError("%s: no model/ folder here; --mnad-src must be the MNAD repository root"
                                  % mnad_src)
        sys.path.insert(0, os.path.abspath(mnad_src))
    state_dict = _plain_state_dict(_torch_load(torch, model_path), model_path)
    m_items = _torch_load(torch, keys_path)
    if not isinstance(m_items, torch.Tensor):
        raise ConversionError("%s holds a %s, not the memory tensor (keys.pt)" % (keys_path, type(m_items).__name__))
    return state_dict, m_items


# ---- writing (what MNAD Studio reads; the C++ tests call this through tests/core/write_checkpoints.py) ----

def checkpoint_dict(state_dict, m_items, meta):
    """The plain dict MNAD Studio's loader expects. Plain dicts only: LibTorch cannot unpickle OrderedDict."""
    import torch
    tensors = {}
    for key, value in state_dict.items():
        t = value.detach().cpu().contiguous().clone()  # own storage: no views into a larger buffer
        tensors[str(key)] = t if key.endswith("num_batches_tracked") else t.float()
    memory = m_items.detach().cpu().float().contiguous().clone()
    plain_meta = {str(k): (v if isinstance(v, str) else int(v)) for k, v in meta.items()}
    return {"format": FORMAT_NAME, "version": 1, "state_dict": tensors, "m_items": memory, "meta": plain_meta}


def write_checkpoint(path, state_dict, m_items, meta):
    """Writes the checkpoint in PyTorch's zip format (what torch::pickle_load reads; the legacy format it cannot)."""
    import torch
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise ConversionError("%s: the folder does not exist" % folder)
    torch.save(checkpoint_dict(state_dict, m_items, meta), path, _use_new_zipfile_serialization=True)


def synthetic(method, width, memory_size, seed, t_length=None):
    """A random (state_dict, m_items, meta) with the official keys and shapes, BatchNorm statistics included, for
    trying the tool chain without official weights (and for the tests)."""
    import torch
    t_length = t_length or (5 if method == "pred" else 1)
    generator = torch.Generator().manual_seed(seed)
    state_dict = {}
    for key, shape in official_shapes(method, width, t_length):
        if key.endswith("num_batches_tracked"):
            state_dict[key] = torch.randint(0, 100000, shape, generator=generator, dtype=torch.int64)
        elif key.endswith("running_var"):
            state_dict[key] = torch.rand(shape, generator=generator) + 0.5
        else:
            state_dict[key] = torch.randn(shape, generator=generator) * 0.1
    items = torch.nn.functional.normalize(torch.rand(memory_size, 8 * width, generator=generator), dim=1)
    meta = describe(state_dict, items)
    meta["source"] = "synthetic (seed %d)" % seed
    return state_dict, items, meta


def dump_npy(folder, state_dict, m_items):
    """Each tensor as <folder>/<key>.npy (and m_items.npy): the expected values, written by NumPy, not torch."""
    import numpy as np
    os.makedirs(folder, exist_ok=True)
    for key, value in list(state_dict.items()) + [("m_items", m_items)]:
        np.save(os.path.join(folder, key + ".npy"), value.detach().cpu().numpy())


# ---- command line ----

def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="mnad-convert.py",
        description="Convert official MNAD weights (model.pth, a pickled whole model, and keys.pt, the memory) into "
                    "one checkpoint file that MNAD Studio opens: mnad import OUT --data DATASET.",
        epilog="example: python3 tools/mnad-convert.py --mnad-src ~/MNAD exp/ped2/pred/log/model.pth "
               "exp/ped2/pred/log/keys.pt ped2_pred.pt")
    parser.add_argument("model", nargs="?", help="official model.pth (torch.save(model) from Train.py)")
    parser.add_argument("keys", nargs="?", help="official keys.pt (the memory items, M x 512)")
    parser.add_argument("out", nargs="?", help="checkpoint to write (e.g. ped2_pred.pt)")
    parser.add_argument("--mnad-src", help="the official MNAD repository (needed to unpickle model.pth)")
    parser.add_argument("--write-synthetic", metavar="OUT",
                        help="instead: write a random model with the official layout to OUT (no inputs needed)")
    parser.add_argument("--method", choices=("pred", "recon"), default="pred", help="synthetic: method")
    parser.add_argument("--width", type=int, default=64, help="synthetic: width (64 = the paper's model)")
    parser.add_argument("--memory-size", type=int, default=10, help="synthetic: memory items")
    parser.add_argument("--t-length", type=int, help="synthetic: frames per clip (default 5 pred, 1 recon)")
    parser.add_argument("--seed", type=int, default=0, help="synthetic: random seed")
    parser.add_argument("--dump-npy", metavar="DIR", help="also write every tensor as DIR/<key>.npy")
    args = parser.parse_args(argv)
    if not args.write_synthetic and not (args.model and args.keys and args.out):
        parser.error("give MODEL KEYS OUT (or --write-synthetic OUT)")
    return args


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        import torch  # noqa: F401 - fail early with a clear message
    except ImportError:
        print("error: this needs PyTorch (pip install torch, or Debian's python3-torch)", file=sys.stderr)
        return 1
    try:
        if args.write_synthetic:
            state_dict, m_items, meta = synthetic(args.method, args.width, args.memory_size, args.seed, args.t_length)
            out = args.write_synthetic
        else:
            state_dict, m_items = load_official(args.model, args.keys, args.mnad_src)
            meta = describe(state_dict, m_items)
            out = args.out
        write_checkpoint(out, state_dict, m_items, meta)
        if args.dump_npy:
            dump_npy(args.dump_npy, state_dict, m_items)
    except ConversionError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    print("wrote %s: %s model, width %d, t_length %d, memory %d x %d, %d tensors"
          % (out, meta["method"], meta["width"], meta["t_length"], meta["memory_size"], meta["feature_dim"],
             len(state_dict)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
