#!/usr/bin/env python3
"""The official MNAD code's training step and evaluation loop, timed on this machine in Python, so that
`mnad bench pipeline` can be compared with it side by side at the same moment (this VM's speed drifts).

It re-creates what the official scripts do (spec: ../shared/spec/mnad.md §1.4–2.1), not our optimisations:
the official layers (ConvTranspose2d upsampling, tools/mnad-export.py's network), the memory module with its loop
over the items, Adam, `loss.backward(retain_graph=True)`, a data loader with 0 workers concatenating the
frames of each clip and scaling them by x/127.5 − 1; evaluation one frame at a time, without torch.no_grad(),
with the test-time memory update. Frames come from memory (no JPEG decoding), so the official figures it prints
are, if anything, faster than the official code's.

  /usr/bin/python3 tools/official-bench.py --size 64 --steps 20 --frames 100
"""

import argparse
import importlib.util
import json
import os
import resource
import statistics
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


def _load_network_module():
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("mnad_export", os.path.join(here, "mnad-export.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class OfficialMemory(nn.Module):
    """memory_final_spatial_sumonly_weight_ranking_top1.py, with .cuda() dropped."""

    def get_score(self, mem, query):
        score = torch.matmul(query, mem.t()).view(-1, mem.size(0))
        return F.softmax(score, dim=0), F.softmax(score, dim=1)

    def get_update_query(self, mem, max_indices, score, query):
        m, d = mem.size()
        query_update = torch.zeros((m, d), device=query.device)
        for i in range(m):  # the official loop over the items
            idx = torch.nonzero(max_indices.squeeze(1) == i)
            if idx.size(0) != 0:
                query_update[i] = torch.sum(((score[idx, i] / torch.max(score[:, i])) * query[idx].squeeze(1)), dim=0)
        return query_update

    def update(self, query, keys):
        b, h, w, d = query.size()
        softmax_score_query, softmax_score_memory = self.get_score(keys, query)
        query_reshape = query.contiguous().view(b * h * w, d)
        _, gathering_indices = torch.topk(softmax_score_memory, 1, dim=1)
        query_update = self.get_update_query(keys, gathering_indices, softmax_score_query, query_reshape)
        return F.normalize(query_update + keys, dim=1).detach()

    def losses(self, query, keys):
        b, h, w, d = query.size()
        _, softmax_score_memory = self.get_score(keys, query)
        query_reshape = query.contiguous().view(b * h * w, d)
        _, gathering_indices = torch.topk(softmax_score_memory, 2, dim=1)
        pos = keys[gathering_indices[:, 0]]
        neg = keys[gathering_indices[:, 1]]
        separateness = nn.TripletMarginLoss(margin=1.0)(query_reshape, pos.detach(), neg.detach())
        compactness = nn.MSELoss()(query_reshape, pos.detach())
        return separateness, compactness

    def read(self, query, keys):
        b, h, w, d = query.size()
        _, softmax_score_memory = self.get_score(keys, query)
        query_reshape = query.contiguous().view(b * h * w, d)
        concat_memory = torch.matmul(softmax_score_memory.detach(), keys)
        updated_query = torch.cat((query_reshape, concat_memory), dim=1).view(b, h, w, 2 * d).permute(0, 3, 1, 2)
        return updated_query, softmax_score_memory

    def forward(self, key, keys, train=True):
        query = F.normalize(key, dim=1).permute(0, 2, 3, 1)
        if train:
            separateness, compactness = self.losses(query, keys)
            updated_query, _ = self.read(query, keys)
            return updated_query, self.update(query, keys), separateness, compactness
        # test branch: the feature distance to the nearest item
        _, softmax_score_memory = self.get_score(keys, query)
        query_reshape = query.contiguous().view(-1, query.size(3))
        _, top1 = torch.topk(softmax_score_memory, 1, dim=1)
        compactness = nn.MSELoss()(query_reshape, keys[top1[:, 0]].detach())
        updated_query, _ = self.read(query, keys)
        return updated_query, keys, compactness


class OfficialModel(nn.Module):
    def __init__(self, net, width):
        super().__init__()
        self.encoder = net.Encoder(12, width)
        self.decoder = net.Decoder(width, 3, skips=True)
        self.memory = OfficialMemory()

    def forward(self, x, keys, train=True):
        fea, skip1, skip2, skip3 = self.encoder(x)
        if train:
            updated_fea, keys, separateness, compactness = self.memory(fea, keys, True)
            return self.decoder(updated_fea, skip1, skip2, skip3), fea, keys, separateness, compactness
        updated_fea, keys, compactness = self.memory(fea, keys, False)
        return self.decoder(updated_fea, skip1, skip2, skip3), fea, keys, compactness


class ClipDataset(torch.utils.data.Dataset):
    """utils.DataLoader: 5 consecutive frames concatenated along channels, x/127.5 − 1."""

    def __init__(self, frames):
        self.frames = frames

    def __len__(self):
        return len(self.frames) - 4

    def __getitem__(self, index):
        batch = [(self.frames[index + i].astype(np.float32) / 127.5 - 1.0).transpose(2, 0, 1) for i in range(5)]
        return torch.from_numpy(np.concatenate(batch, axis=0))


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def point_score(outputs, imgs):
    loss_func_mse = nn.MSELoss(reduction="none")
    error = loss_func_mse((outputs[0] + 1) / 2, (imgs[0] + 1) / 2)
    normal = (1 - torch.exp(-error))
    return (torch.sum(normal * loss_func_mse((outputs[0] + 1) / 2, (imgs[0] + 1) / 2)) / torch.sum(normal)).item()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--steps", type=int, default=20, help="timed training steps (after 2 warm-up steps)")
    parser.add_argument("--frames", type=int, default=100, help="evaluated frames")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    net = _load_network_module()
    model = OfficialModel(net, args.width)
    keys = F.normalize(torch.rand((10, 8 * args.width), dtype=torch.float), dim=1)

    frames = [rng.integers(0, 256, (args.size, args.size, 3), dtype=np.uint8)
              for _ in range((args.steps + 2) * args.batch + 4)]
    loader = torch.utils.data.DataLoader(ClipDataset(frames), batch_size=args.batch, shuffle=True, num_workers=0,
                                         drop_last=True)
    optimizer = torch.optim.Adam(list(model.encoder.parameters()) + list(model.decoder.parameters()), lr=2e-4)
    model.train()
    times = []
    loader_iter = iter(loader)
    for step in range(args.steps + 2):
        start = time.perf_counter()
        imgs = next(loader_iter)
        outputs, _, keys, separateness, compactness = model(imgs[:, 0:12], keys, True)
        optimizer.zero_grad()
        loss = torch.mean((outputs - imgs[:, 12:]) ** 2) + 0.1 * compactness + 0.1 * separateness
        loss.backward(retain_graph=True)
        optimizer.step()
        if step >= 2:
            times.append(time.perf_counter() - start)
    train_peak = peak_mib()
    step_seconds = statistics.median(times)

    test_frames = [rng.integers(0, 256, (args.size, args.size, 3), dtype=np.uint8) for _ in range(args.frames + 4)]
    test_loader = torch.utils.data.DataLoader(ClipDataset(test_frames), batch_size=1, shuffle=False, num_workers=0)
    model.eval()
    m_items_test = keys.clone()
    start = time.perf_counter()
    for imgs in test_loader:  # no torch.no_grad(), as in Evaluate.py
        outputs, feas, _, compactness = model(imgs[:, 0:12], m_items_test, False)
        mse_imgs = torch.mean(((outputs[0] + 1) / 2 - (imgs[0, 12:] + 1) / 2) ** 2).item()
        _psnr = 10 * np.log10(1 / mse_imgs)
        _distance = compactness.item()
        if point_score(outputs, imgs[:, 12:]) < 0.01:
            query = F.normalize(feas, dim=1).permute(0, 2, 3, 1)
            m_items_test = model.memory.update(query, m_items_test)
    eval_fps = args.frames / (time.perf_counter() - start)
    print(json.dumps({"implementation": "official (Python re-creation)", "size": args.size, "width": args.width,
                      "batch": args.batch, "train_step_median_s": step_seconds,
                      "train_samples_per_s": args.batch / step_seconds, "train_peak_mib": train_peak,
                      "eval_frames_per_s": eval_fps, "peak_mib": peak_mib(), "torch": torch.__version__,
                      "threads": torch.get_num_threads()}, indent=2))


if __name__ == "__main__":
    main()
