package org.banshi;

/**
 * A file chosen for upload, described as a browser's {@code File} is: its
 * name, MIME type and size. The input of
 * {@link Catalog#validateFile(String, String, FileInfo)}.
 */
public final class FileInfo {
    private final String name;
    private final String type;
    private final long size;

    /**
     * A file.
     *
     * @param name the file name, such as {@code photo.jpg}
     * @param type the MIME type, such as {@code image/jpeg}; null or empty when unknown
     * @param size the size in bytes
     */
    public FileInfo(String name, String type, long size) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size < 0");
        }
        this.name = name;
        this.type = type == null ? "" : type;
        this.size = size;
    }

    /**
     * The file name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The MIME type.
     *
     * @return the type; empty when unknown
     */
    public String type() {
        return type;
    }

    /**
     * The size in bytes.
     *
     * @return the size
     */
    public long size() {
        return size;
    }
}
