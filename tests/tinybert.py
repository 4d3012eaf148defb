"""A tiny random BERT for the fine-tuning tests (a plain module: ``conftest`` is not importable
by name when tests/e2e has its own)."""
from __future__ import annotations


def write_tiny_bert(d, vocab):
    """Save a 1-layer, 16-wide random BERT with this vocabulary (special tokens first) and its
    tokenizer as a local Hugging Face folder ``d``, seeded, for fine-tuning tests; return ``d``."""
    import os

    import torch
    from transformers import BertConfig, BertModel, BertTokenizerFast

    os.environ["HF_HUB_OFFLINE"] = "1"
    (d / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    BertTokenizerFast(vocab_file=str(d / "vocab.txt"), do_lower_case=True).save_pretrained(str(d))
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=32, max_position_embeddings=64)
    BertModel(cfg).save_pretrained(str(d), safe_serialization=True)
    return d
