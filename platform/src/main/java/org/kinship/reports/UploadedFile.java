package org.kinship.reports;

/** A file as uploaded: its name and bytes. */
public record UploadedFile(String fileName, byte[] content) {

    public UploadedFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
