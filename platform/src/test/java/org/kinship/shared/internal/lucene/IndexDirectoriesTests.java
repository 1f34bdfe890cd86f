package org.kinship.shared.internal.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinship.shared.StorageSettings;

class IndexDirectoriesTests {

    @TempDir
    Path dataDir;

    @Test
    void anIndexUnderTheDataDirectoryAnswersAQueryAfterReopening() throws Exception {
        StorageSettings settings = new StorageSettings(dataDir, null, "kinship", false);
        try (IndexDirectories indexes = new IndexDirectories(settings);
                IndexWriter writer = new IndexWriter(indexes.directory("probe"),
                        new IndexWriterConfig(new StandardAnalyzer()))) {
            Document document = new Document();
            document.add(new StringField("id", "case-1", Field.Store.YES));
            document.add(new TextField("name", "Mustafa Hussein", Field.Store.NO));
            writer.addDocument(document);
            writer.commit();
        }

        try (IndexDirectories indexes = new IndexDirectories(settings);
                DirectoryReader reader = DirectoryReader.open(indexes.directory("probe"))) {
            TopDocs hits = new IndexSearcher(reader).search(new TermQuery(new Term("name", "hussein")), 10);
            assertThat(hits.totalHits.value()).isEqualTo(1);
            assertThat(reader.storedFields().document(hits.scoreDocs[0].doc).get("id")).isEqualTo("case-1");
            assertThat(indexes.documentCounts()).containsEntry("probe", 1);
        }
        assertThat(dataDir.resolve("index/probe")).isDirectory();
    }
}
