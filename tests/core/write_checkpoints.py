#!/usr/bin/env python3
"""Checkpoint fixtures for tests/core/test_checkpoint_import.cpp, written by PyTorch through the converter's own
writing code (tools/mnad-convert.py), with the expected values dumped by NumPy.

usage: write_checkpoints.py REPOSITORY_ROOT OUT_FOLDER
"""

import collections
import importlib.util
import os
import sys
import warnings

import torch


class WholeModule(torch.nn.Module):  # what torch.save(model) pickles: a class the C++ side must refuse
    def __init__(self):
        super().__init__()
        self.layer = torch.nn.Conv2d(3, 3, 3)


def load_converter(root):
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    spec = importlib.util.spec_from_file_location("mnad_convert", os.path.join(root, "tools", "mnad-convert.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


OFFICIAL_MODULE = "final_future_prediction_with_memory_spatial_sumonly_weight_ranking_top1"


def write_official_files(root, out, convert):
    """A stand-in for the official repository (model/<module>.py defining convAE under the official names), its
    model.pth as Train.py writes it (torch.save(model), legacy format as PyTorch 1.1 wrote) and keys.pt; then the
    converter's command line run on them, without and with --mnad-src."""
    source = os.path.join(out, "MNAD")
    os.makedirs(os.path.join(source, "model"))
    with open(os.path.join(source, "model", OFFICIAL_MODULE + ".py"), "w") as f:
        f.write("import torch\n"
                "exec(compile(open(%r).read(), 'mnad-export.py', 'exec'))  # Encoder, Decoder, defined here\n"
                "class convAE(torch.nn.Module):\n"
                "    def __init__(self, n_channel=3, t_length=5, memory_size=10, feature_dim=512, key_dim=512):\n"
                "        super().__init__()\n"
                "        self.encoder = Encoder(n_channel * (t_length - 1), feature_dim // 8)\n"
                "        self.decoder = Decoder(feature_dim // 8, n_channel, skips=True)\n"
                % os.path.join(root, "tools", "mnad-export.py"))
    sys.path.insert(0, source)
    warnings.filterwarnings("ignore", "Couldn't retrieve source code")  # the exec'd classes have no source file
    official = importlib.import_module("model." + OFFICIAL_MODULE)
    torch.manual_seed(13)
    model = official.convAE(3, 5, 6, 32, 32)
    with torch.no_grad():
        for key, value in model.state_dict().items():
            value.copy_(torch.randint(0, 1000, value.shape) if key.endswith("num_batches_tracked")
                        else torch.rand(value.shape) + (0.5 if key.endswith("running_var") else -0.5))
    keys = torch.nn.functional.normalize(torch.rand(6, 32), dim=1)
    torch.save(model, os.path.join(out, "model.pth"), _use_new_zipfile_serialization=False)
    torch.save(keys, os.path.join(out, "keys.pt"), _use_new_zipfile_serialization=False)
    convert.dump_npy(os.path.join(out, "official_npy"), model.state_dict(), keys)
    sys.path.remove(source)
    for name in [n for n in sys.modules if n == "model" or n.startswith("model.")]:
        del sys.modules[name]

    files = [os.path.join(out, name) for name in ("model.pth", "keys.pt", "official.pt")]
    with open(os.path.join(out, "without_source.txt"), "w") as f:
        stderr, sys.stderr = sys.stderr, f
        try:
            f.write("exit %d\n" % convert.main(files))
        finally:
            sys.stderr = stderr
    if convert.main(["--mnad-src", source] + files) != 0:
        raise SystemExit("the converter failed on the stand-in official files")


def main(root, out):
    convert = load_converter(root)
    write = convert.write_checkpoint
    pred, pred_items, pred_meta = convert.synthetic("pred", width=4, memory_size=5, seed=11)
    recon, recon_items, recon_meta = convert.synthetic("recon", width=4, memory_size=5, seed=12)
    write(os.path.join(out, "pred.pt"), pred, pred_items, pred_meta)
    convert.dump_npy(os.path.join(out, "pred_npy"), pred, pred_items)
    write(os.path.join(out, "recon.pt"), recon, recon_items, recon_meta)
    convert.dump_npy(os.path.join(out, "recon_npy"), recon, recon_items)

    missing = dict(pred)
    del missing["decoder.moduleConv.1.running_var"]
    write(os.path.join(out, "missing_key.pt"), missing, pred_items, pred_meta)
    extra = dict(pred, **{"encoder.moduleExtra.weight": torch.zeros(4)})
    write(os.path.join(out, "extra_key.pt"), extra, pred_items, pred_meta)
    wrong = dict(pred, **{"decoder.moduleDeconv1.6.bias": torch.zeros(4)})
    write(os.path.join(out, "wrong_shape.pt"), wrong, pred_items, pred_meta)
    write(os.path.join(out, "lying_meta.pt"), pred, pred_items, dict(pred_meta, width=8, feature_dim=64))

    # What users may hand over instead of a converted file.
    checkpoint = convert.checkpoint_dict(pred, pred_items, pred_meta)
    torch.save(checkpoint, os.path.join(out, "legacy.pt"), _use_new_zipfile_serialization=False)
    torch.save(dict(checkpoint, state_dict=collections.OrderedDict(checkpoint["state_dict"])),
               os.path.join(out, "ordered_dict.pt"))
    torch.save(WholeModule(), os.path.join(out, "whole_module.pt"))
    torch.save(dict(checkpoint, state_dict=[1, 2]), os.path.join(out, "list_state_dict.pt"))
    torch.save(dict(checkpoint, m_items=torch.ones(5, 32, dtype=torch.int64)), os.path.join(out, "int_memory.pt"))
    write_official_files(root, out, convert)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
