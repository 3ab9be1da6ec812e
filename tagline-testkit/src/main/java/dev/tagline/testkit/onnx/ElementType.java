package dev.tagline.testkit.onnx;

/** ONNX tensor element types ({@code TensorProto.DataType} in onnx/onnx {@code onnx.proto}) with their byte width. */
public enum ElementType {
    FLOAT(1, 4),
    UINT8(2, 1),
    INT8(3, 1),
    INT32(6, 4),
    INT64(7, 8),
    BOOL(9, 1),
    FLOAT16(10, 2),
    DOUBLE(11, 8);

    final int code;
    final int bytes;

    ElementType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The {@code TensorProto.DataType} number, as the {@code to} attribute of {@code Cast} wants it. */
    public int code() {
        return code;
    }
}
