package dev.enclave.model.bert;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

/**
 * A DJL parameter with its Hugging Face tensor name and the shape the configuration requires.
 *
 * @param name the Hugging Face name, e.g. {@code encoder.layer.0.attention.self.query.weight}
 * @param parameter the DJL parameter
 * @param shape the required shape (Linear weights are [out, in], as in PyTorch)
 */
public record HfParameter(String name, Parameter parameter, Shape shape) {}
