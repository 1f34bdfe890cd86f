package org.kinship.reports;

/** An export ready to download: its file name, media type and bytes. */
public record ExportedFile(String fileName, ExportFormat format, byte[] content) {

    public ExportedFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
