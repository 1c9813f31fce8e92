"""The national-scale engine: banded MinHash LSH, photo bands and components in Spark.

Signatures and band keys come from the same numpy code as the one-machine engine, run in
Spark partitions, so both engines see identical LSH buckets; bucket stars, exact Jaccard
(`array_intersect`), photo band joins (`bit_count`) and connected components (iterative
min-label propagation, no GraphFrames) are Spark SQL. Same input, same pairs, same networks.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from zicht.errors import ConfigurationError
from zicht.link.config import LinkSettings
from zicht.link.engines.base import Ints, LinkEngine
from zicht.link.images import BAND_BITS, BANDS
from zicht.link.text.minhash import EMPTY, band_keys, lsh_params, signatures
from zicht.link.text.shingles import Shingles

MAX_ITERATIONS = 100


def _signed(values: npt.NDArray[np.uint64]) -> list[int]:
    return values.astype(np.uint64).view(np.int64).tolist()  # Spark has no unsigned longs


class SparkEngine(LinkEngine):
    name = "spark"

    def __init__(self, settings: LinkSettings, spark: SparkSession | None = None) -> None:
        super().__init__(settings)
        self._owns_session = spark is None
        if spark is None:
            # Python workers must import zicht: run them on this interpreter unless told otherwise.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            builder = SparkSession.builder.master(settings.spark_master).appName("zicht-link")
            conf = {
                "spark.ui.enabled": "false",
                "spark.ui.showConsoleProgress": "false",
                "spark.sql.shuffle.partitions": "8",
            }
            conf.update(settings.spark_conf)
            for key, value in conf.items():
                builder = builder.config(key, value)
            spark = builder.getOrCreate()
        self.spark = spark

    def close(self) -> None:
        if self._owns_session:
            self.spark.stop()

    # -- templates ---------------------------------------------------------------------
    def template_pairs(self, shingles: Shingles) -> tuple[Ints, Ints, npt.NDArray[np.float64]]:
        s = self.settings
        bands, rows = lsh_params(s.lsh_threshold, s.num_perm)
        num_perm = s.num_perm
        docs = [(i, shingles.of(i).astype(np.int64).tolist()) for i in range(len(shingles))]
        frame = self.spark.createDataFrame(docs, "idx long, sh array<long>")

        def band_rows(part: Iterable[Any]) -> Iterable[tuple[int, int, int]]:
            batch = list(part)
            if not batch:
                return
            lengths = np.array([len(r.sh) for r in batch], dtype=np.int64)
            offsets = np.concatenate(([0], np.cumsum(lengths)))
            flat = [v for r in batch for v in r.sh]
            local = Shingles(np.asarray(flat, dtype=np.uint32), offsets)
            sig = signatures(local, num_perm)
            keys = band_keys(sig, bands, rows).view(np.int64)
            live = ~(sig == EMPTY).all(axis=1)
            for k, r in enumerate(batch):
                if live[k]:
                    for band in range(bands):
                        yield (r.idx, band, int(keys[k, band]))

        banded = self.spark.createDataFrame(
            frame.rdd.mapPartitions(band_rows), "idx long, band int, key long"
        )
        centres = banded.groupBy("band", "key").agg(F.min("idx").alias("centre"))
        pairs = (
            banded.join(centres, ["band", "key"])
            .where(F.col("idx") != F.col("centre"))
            .select(F.col("centre").alias("a"), F.col("idx").alias("b"))
            .distinct()
        )
        left_sh = frame.select(F.col("idx").alias("a"), F.col("sh").alias("sa"))
        right_sh = frame.select(F.col("idx").alias("b"), F.col("sh").alias("sb"))
        inter = F.size(F.array_intersect("sa", "sb"))
        scored = (
            pairs.join(left_sh, "a")
            .join(right_sh, "b")
            .select(
                "a",
                "b",
                (inter / (F.size("sa") + F.size("sb") - inter)).cast("double").alias("j"),
            )
            .where(F.col("j") >= s.jaccard_threshold)
        )
        got = sorted((r.a, r.b, r.j) for r in scored.collect())
        return (
            np.asarray([g[0] for g in got], dtype=np.int64),
            np.asarray([g[1] for g in got], dtype=np.int64),
            np.asarray([g[2] for g in got], dtype=np.float64),
        )

    # -- photos ------------------------------------------------------------------------
    def photo_pairs(self, hashes: npt.NDArray[np.uint64]) -> tuple[Ints, Ints]:
        if len(hashes) < 2:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        frame = self.spark.createDataFrame(list(enumerate(_signed(hashes))), "idx long, h long")
        mask = (1 << BAND_BITS) - 1
        banded = frame.select(
            "idx",
            "h",
            F.explode(
                F.array(
                    *[
                        F.struct(
                            F.lit(b).alias("band"),
                            (
                                F.shiftrightunsigned("h", b * BAND_BITS).bitwiseAND(
                                    F.lit(mask).cast("long")
                                )
                            ).alias("key"),
                        )
                        for b in range(BANDS)
                    ]
                )
            ).alias("bk"),
        ).select("idx", "h", "bk.band", "bk.key")
        a = banded.select(*(F.col(c).alias(f"a_{c}") for c in ("idx", "h", "band", "key")))
        b = banded.select(*(F.col(c).alias(f"b_{c}") for c in ("idx", "h", "band", "key")))
        close = (
            a.join(
                b,
                (F.col("a_band") == F.col("b_band"))
                & (F.col("a_key") == F.col("b_key"))
                & (F.col("a_idx") < F.col("b_idx")),
            )
            .where(
                F.bit_count(F.col("a_h").bitwiseXOR(F.col("b_h"))) <= self.settings.photo_distance
            )
            .select("a_idx", "b_idx")
            .distinct()
        )
        got = sorted((r.a_idx, r.b_idx) for r in close.collect())
        return (
            np.asarray([g[0] for g in got], dtype=np.int64),
            np.asarray([g[1] for g in got], dtype=np.int64),
        )

    # -- components --------------------------------------------------------------------
    def components(self, n: int, left: Ints, right: Ints) -> Ints:
        """Min-label propagation with pointer jumping: O(log diameter) rounds, one job each."""
        if len(left) == 0:
            return np.arange(n, dtype=np.int64)
        pairs = list(zip(left.tolist(), right.tolist(), strict=True))
        edges = self.spark.createDataFrame(pairs, "src long, dst long")
        edges = edges.union(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst")))
        edges = edges.distinct().localCheckpoint()
        labels: DataFrame = (
            edges.groupBy(F.col("src").alias("node"))
            .agg(F.least(F.min("dst"), F.col("src")).alias("label"))
            .localCheckpoint()
        )
        for _ in range(MAX_ITERATIONS):
            # Each node takes the smallest label among its neighbours and itself ...
            offered = (
                edges.join(labels, edges.src == labels.node)
                .groupBy(F.col("dst").alias("node"))
                .agg(F.min("label").alias("offer"))
            )
            step = labels.join(offered, "node").select(
                "node", F.col("label").alias("old"), F.least("label", "offer").alias("label")
            )
            # ... then jumps to its label's label (halving chains).
            parent = labels.select(F.col("node").alias("label"), F.col("label").alias("jump"))
            updated = (
                step.join(parent, "label", "left")
                .select(
                    "node",
                    "old",
                    F.least("label", F.coalesce("jump", "label")).alias("label"),
                )
                .cache()
            )
            changed = updated.where(F.col("label") != F.col("old")).count()  # fills the cache
            labels.unpersist()
            labels = updated.select("node", "label")
            if changed == 0:
                break
        else:  # pragma: no cover - would need a chain of 2**100 ads
            raise ConfigurationError("label propagation did not converge")
        out = np.arange(n, dtype=np.int64)
        for row in labels.collect():
            out[row.node] = row.label
        return out
