package org.banshi;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a material is and how many are needed: the material fields of
 * SCHEMA.md, without id and name. Immutable; its lists are unmodifiable.
 * {@link #toJson()} gives back the JSON it was read from.
 */
public final class MaterialSpec extends JsonValue {
    private final String document;
    private final String owner;
    private final Form form;
    private final int originals;
    private final int copies;
    private final String paper;
    private final Photo photo;
    private final FileSpec file;
    private final List<String> stamps;
    private final List<String> notes;

    MaterialSpec(String document, String owner, Form form, int originals, int copies, String paper, Photo photo,
            FileSpec file, List<String> stamps, List<String> notes) {
        this.document = document;
        this.owner = owner;
        this.form = form;
        this.originals = originals;
        this.copies = copies;
        this.paper = paper;
        this.photo = photo;
        this.file = file;
        this.stamps = stamps;
        this.notes = notes;
    }

    /**
     * The id of the document it is, in the catalogue's document registry
     * (the {@code documents} of {@link Catalog#vocabulary()}), such as
     * {@code resident_id_card}.
     *
     * @return the document id
     */
    public String document() {
        return document;
    }

    /**
     * Whose material it is: the name of one of the catalogue's owners
     * (the {@code owners} of {@link Catalog#vocabulary()}), such as {@code applicant}.
     *
     * @return the owner's name
     */
    public String owner() {
        return owner;
    }

    /**
     * Original, copy, both, or electronic.
     *
     * @return the form
     */
    public Form form() {
        return form;
    }

    /**
     * Originals needed (photos: photos; electronic: files).
     *
     * @return the count
     */
    public int originals() {
        return originals;
    }

    /**
     * Copies needed.
     *
     * @return the count
     */
    public int copies() {
        return copies;
    }

    /**
     * The paper size, such as {@code A4}.
     *
     * @return the paper size; empty when not specified
     */
    public Optional<String> paper() {
        return Optional.ofNullable(paper);
    }

    /**
     * The photo specification, for photos.
     *
     * @return the specification; empty for other materials
     */
    public Optional<Photo> photo() {
        return Optional.ofNullable(photo);
    }

    /**
     * The file specification, for electronic materials.
     *
     * @return the specification; empty for other materials
     */
    public Optional<FileSpec> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Required stamps, such as {@code 现金收讫章}.
     *
     * @return the stamps; empty when none
     */
    public List<String> stamps() {
        return stamps;
    }

    /**
     * Notes, such as {@code 药费要有处方}.
     *
     * @return the notes; empty when none
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * Reads one MaterialSpec from its JSON.
     *
     * @param json the JSON text, as SCHEMA.md documents it
     * @return the value
     * @throws IllegalStateException if the text does not fit the schema
     */
    public static MaterialSpec parse(String json) {
        JsonReader in = new JsonReader(json);
        MaterialSpec value = read(in);
        in.finish();
        return value;
    }

    static MaterialSpec read(JsonReader in) {
        Builder b = new Builder();
        in.beginObject();
        for (String key = in.key(); key != null; key = in.key()) {
            if (!b.read(key, in)) {
                throw in.unknown(key, "material fields");
            }
        }
        return b.build("material fields");
    }

    @Override
    void write(JsonWriter out) {
        out.beginObject();
        writeFields(out);
        out.endObject();
    }

    /** Writes the fields into an object being written: they are flattened into items. */
    void writeFields(JsonWriter out) {
        out.key("document").string(document);
        out.key("owner").string(owner);
        out.key("form").string(form.wireName());
        out.key("originals").number(originals);
        out.key("copies").number(copies);
        out.optional("paper", paper);
        if (photo != null) {
            out.key("photo");
            photo.write(out);
        }
        if (file != null) {
            out.key("file");
            file.write(out);
        }
        out.optionalStrings("stamps", stamps);
        out.optionalStrings("notes", notes);
    }

    /** Collects the material fields of an object that also has other keys. */
    static final class Builder {
        private String document;
        private String owner;
        private Form form;
        private long originals = -1;
        private long copies = -1;
        private String paper;
        private Photo photo;
        private FileSpec file;
        private List<String> stamps = Collections.emptyList();
        private List<String> notes = Collections.emptyList();
        private boolean any;

        /** Reads the value of {@code key} if it is a material field; false if it is not one. */
        boolean read(String key, JsonReader in) {
            switch (key) {
                case "document": document = in.string(); break;
                case "owner": owner = in.string(); break;
                case "form": form = Form.read(in); break;
                case "originals": originals = in.integer(); break;
                case "copies": copies = in.integer(); break;
                case "paper": paper = in.string(); break;
                case "photo": photo = Photo.read(in); break;
                case "file": file = FileSpec.read(in); break;
                case "stamps": stamps = in.strings(); break;
                case "notes": notes = in.strings(); break;
                default: return false;
            }
            any = true;
            return true;
        }

        boolean isEmpty() {
            return !any;
        }

        MaterialSpec build(String where) {
            if (document == null || owner == null || form == null || originals < 0 || copies < 0) {
                throw new IllegalStateException("banshi response JSON: " + where
                        + " lacks one of document, owner, form, originals, copies (or one_of)");
            }
            return new MaterialSpec(document, owner, form, (int) originals, (int) copies, paper, photo, file, stamps, notes);
        }
    }
}
