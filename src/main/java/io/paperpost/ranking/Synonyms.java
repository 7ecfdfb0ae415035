package io.paperpost.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small curated list of acronyms and synonyms common in ML papers. Each group is one concept; wherever one of
 * its forms occurs (in a paper or in a reader's interests) the analyzed text also gets the concept's token, so
 * "RL" in an abstract meets "reinforcement learning" in an interest and vice versa.
 *
 * <p>Some forms are narrower terms (GRPO is a kind of RL): in a paper they mark the concept, but a reader who
 * types the narrow term is not expanded to the whole concept ({@code oneWay}).
 *
 * <p>The list is general-purpose vocabulary of the field, not tuned to any evaluation query.
 */
final class Synonyms {

    /** Prefix of concept tokens; the analyzer never produces it, so concepts cannot collide with words. */
    static final String CONCEPT_PREFIX = "~";

    private record Group(String concept, List<String> forms, List<String> oneWay) {
    }

    private static final List<Group> GROUPS = List.of(
            group("rl", List.of("reinforcement learning", "RL", "deep RL"),
                    List.of("GRPO", "PPO", "RLHF", "RLVR", "RLAIF", "policy gradient")),
            group("llm", List.of("large language model", "LLM", "LLMs"), List.of("GPT-4", "Llama", "Qwen")),
            group("kv", List.of("key-value", "KV"), List.of()),
            group("kvcache", List.of("KV cache", "key-value cache", "KVCache", "KV-cache"), List.of()),
            group("moe", List.of("mixture of experts", "mixture-of-experts", "MoE", "MoEs"), List.of("sparsely-gated")),
            group("rag", List.of("retrieval-augmented generation", "retrieval augmented generation", "RAG"),
                    List.of("RaLM", "retrieval-augmented language model")),
            group("dit", List.of("diffusion transformer", "DiT", "DiTs"), List.of()),
            group("ssm", List.of("state space model", "state-space model", "SSM", "SSMs", "structured state space"),
                    List.of("Mamba", "S4")),
            group("3dgs", List.of("gaussian splatting", "3DGS", "3D-GS", "3D gaussian"), List.of()),
            group("nerf", List.of("neural radiance field", "NeRF", "NeRFs"), List.of()),
            group("vlm", List.of("vision-language model", "VLM", "VLMs", "LVLM", "LVLMs", "MLLM", "MLLMs",
                    "multimodal large language model", "multimodal LLM", "large multimodal model", "LMM", "LMMs"),
                    List.of()),
            group("asr", List.of("speech recognition", "ASR"), List.of()),
            group("tts", List.of("text-to-speech", "TTS", "speech synthesis"), List.of()),
            group("t2v", List.of("text-to-video", "T2V"), List.of()),
            group("t2i", List.of("text-to-image", "T2I"), List.of()),
            group("pde", List.of("partial differential equation", "PDE", "PDEs"), List.of("Navier-Stokes")),
            group("cot", List.of("chain-of-thought", "chain of thought", "CoT"), List.of()),
            group("prm", List.of("process reward model", "PRM", "PRMs"), List.of()),
            group("snn", List.of("spiking neural network", "SNN", "SNNs"), List.of()),
            group("cnn", List.of("convolutional neural network", "CNN", "CNNs", "ConvNet"), List.of()),
            group("gnn", List.of("graph neural network", "GNN", "GNNs"), List.of()),
            group("vit", List.of("vision transformer", "ViT", "ViTs"), List.of()),
            group("ptq", List.of("post-training quantization", "PTQ"), List.of()),
            group("qat", List.of("quantization-aware training", "QAT"), List.of()),
            group("pim",
                    List.of("processing-in-memory", "processing in memory", "process-in-memory", "PIM",
                            "in-memory computing"),
                    List.of()),
            group("dllm",
                    List.of("diffusion language model", "diffusion LLM", "diffusion large language model", "dLLM",
                            "dLLMs", "DLM", "DLMs"),
                    List.of()),
            group("speedup",
                    List.of("speed up", "speeding up", "speedup", "accelerate", "accelerating", "acceleration",
                            "faster"),
                    List.of()),
            group("driving", List.of("autonomous driving", "self-driving", "autonomous vehicle"), List.of()),
            group("enhance-speech", List.of("speech enhancement", "noise suppression", "speech denoising"), List.of()),
            group("video-gen", List.of("video generation", "video synthesis"), List.of()),
            group("sd", List.of("speculative decoding", "speculative sampling"), List.of()),
            group("e2e", List.of("end-to-end", "E2E"), List.of()),
            group("cl", List.of("continual learning", "lifelong learning", "incremental learning"),
                    List.of("catastrophic forgetting")),
            group("fl", List.of("federated learning"), List.of()),
            group("nas", List.of("neural architecture search", "architecture search", "NAS"), List.of()),
            group("lora", List.of("low-rank adaptation", "LoRA"), List.of()),
            group("sr", List.of("super-resolution", "super resolution"), List.of()),
            group("ttc", List.of("test-time compute", "inference-time scaling", "test-time scaling",
                    "inference-time compute"), List.of()));

    private static Group group(String concept, List<String> forms, List<String> oneWay) {
        return new Group(concept, forms, oneWay);
    }

    /** One analyzed form: its stemmed terms and the concept token it stands for. */
    record Form(String[] terms, String concept, boolean oneWay) {
    }

    /** Forms by their first stemmed term. */
    private final Map<String, List<Form>> formsByFirstTerm = new HashMap<>();

    Synonyms(TextAnalyzer analyzer) {
        for (Group group : GROUPS) {
            String concept = CONCEPT_PREFIX + group.concept();
            add(analyzer, group.forms(), concept, false);
            add(analyzer, group.oneWay(), concept, true);
        }
    }

    private void add(TextAnalyzer analyzer, List<String> forms, String concept, boolean oneWay) {
        for (String form : forms) {
            List<String> terms = analyzer.terms(form);
            if (!terms.isEmpty()) {
                formsByFirstTerm.computeIfAbsent(terms.get(0), t -> new ArrayList<>())
                        .add(new Form(terms.toArray(String[]::new), concept, oneWay));
            }
        }
    }

    /**
     * The concepts found in a term sequence, one entry per occurrence, each with the index of its first and last
     * term. {@code document} true: narrower (one-way) forms count too.
     */
    List<Match> find(List<String> terms, boolean document) {
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            List<Form> forms = formsByFirstTerm.get(terms.get(i));
            if (forms == null) {
                continue;
            }
            String last = null;
            for (Form form : forms) {
                if ((form.oneWay() && !document) || form.concept().equals(last)) {
                    continue;
                }
                if (startsAt(terms, i, form.terms())) {
                    matches.add(new Match(form.concept(), i, i + form.terms().length - 1));
                    last = form.concept();
                }
            }
        }
        return matches;
    }

    record Match(String concept, int first, int last) {
    }

    private static boolean startsAt(List<String> terms, int at, String[] form) {
        if (at + form.length > terms.size()) {
            return false;
        }
        for (int j = 0; j < form.length; j++) {
            if (!terms.get(at + j).equals(form[j])) {
                return false;
            }
        }
        return true;
    }
}
