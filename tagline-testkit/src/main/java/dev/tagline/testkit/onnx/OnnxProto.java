package dev.tagline.testkit.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes ONNX protobuf messages field by field. Field numbers from onnx/onnx {@code onnx/onnx.proto} (proto2, so
 * repeated scalars are written unpacked); see also ../shared/reference/stack.md §2.1.
 */
final class OnnxProto {
    /** A graph input or output: name, element type and dims (Integer/Long = fixed, String = symbolic, null = no shape). */
    record ValueInfo(String name, ElementType type, List<Object> dims) {
    }

    record Node(String opType, String name, List<String> inputs, List<String> outputs, List<Attr> attrs) {
    }

    private OnnxProto() {
    }

    static byte[] model(long irVersion, int opset, String producer, String graphName, List<Node> nodes,
            List<TensorValue> initializers, List<ValueInfo> inputs, List<ValueInfo> outputs) {
        byte[] graph = graph(graphName, nodes, initializers, inputs, outputs);
        Msg opsetId = new Msg().string(1, "").int64(2, opset);
        return new Msg().int64(1, irVersion).string(2, producer).message(7, graph).message(8, opsetId.bytes())
                .bytes();
    }

    /** A {@code GraphProto}: the main graph, or a subgraph attribute (then without inputs). */
    static byte[] graph(String graphName, List<Node> nodes, List<TensorValue> initializers, List<ValueInfo> inputs,
            List<ValueInfo> outputs) {
        Msg graph = new Msg();
        for (Node node : nodes) {
            graph.message(1, node(node));
        }
        graph.string(2, graphName);
        for (TensorValue t : initializers) {
            graph.message(5, tensor(t));
        }
        for (ValueInfo in : inputs) {
            graph.message(11, valueInfo(in));
        }
        for (ValueInfo out : outputs) {
            graph.message(12, valueInfo(out));
        }
        return graph.bytes();
    }

    private static byte[] node(Node node) {
        Msg msg = new Msg();
        node.inputs().forEach(in -> msg.string(1, in));
        node.outputs().forEach(out -> msg.string(2, out));
        msg.string(3, node.name()).string(4, node.opType());
        node.attrs().forEach(attr -> msg.message(5, attribute(attr)));
        return msg.bytes();
    }

    private static byte[] attribute(Attr attr) {
        Msg msg = new Msg().string(1, attr.name);
        switch (attr.kind) {
            case FLOAT -> msg.float32(2, attr.floats[0]);
            case INT -> msg.int64(3, attr.longs[0]);
            case STRING -> msg.string(4, attr.string);
            case TENSOR -> msg.message(5, tensor(attr.tensor));
            case GRAPH -> msg.message(6, attr.graph.graphBytes());
            case FLOATS -> {
                for (float f : attr.floats) {
                    msg.float32(7, f);
                }
            }
            case INTS -> {
                for (long l : attr.longs) {
                    msg.int64(8, l);
                }
            }
        }
        return msg.int64(20, attr.kind.code).bytes();
    }

    private static byte[] tensor(TensorValue t) {
        Msg msg = new Msg();
        for (long d : t.dims) {
            msg.int64(1, d);
        }
        return msg.int64(2, t.type.code).string(8, t.name).message(9, t.raw).bytes();
    }

    private static byte[] valueInfo(ValueInfo info) {
        Msg tensorType = new Msg().int64(1, info.type().code);
        if (info.dims() != null) {
            Msg shape = new Msg();
            for (Object dim : info.dims()) {
                Msg d = new Msg();
                if (dim instanceof String param) {
                    d.string(2, param);
                } else {
                    d.int64(1, ((Number) dim).longValue());
                }
                shape.message(1, d.bytes());
            }
            tensorType.message(2, shape.bytes());
        }
        Msg type = new Msg().message(1, tensorType.bytes());
        return new Msg().string(1, info.name()).message(2, type.bytes()).bytes();
    }

    /** One message being written; nested messages are written as length-delimited bytes. */
    private static final class Msg {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

        Msg int64(int field, long value) {
            return write(() -> out.writeInt64(field, value));
        }

        Msg float32(int field, float value) {
            return write(() -> out.writeFloat(field, value));
        }

        Msg string(int field, String value) {
            return write(() -> out.writeString(field, value));
        }

        Msg message(int field, byte[] value) {
            return write(() -> out.writeByteArray(field, value));
        }

        byte[] bytes() {
            write(out::flush);
            return buffer.toByteArray();
        }

        private Msg write(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
