package org.kinship.tracing.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.internal.NameKeys;
import org.kinship.tracing.internal.NameNormalizer;

/**
 * The CPIMS+ approach: an OR of Double Metaphone codes of the given and family names with fixed boosts
 * (given 2, family 1), the score divided by the best hit's score, "likely" from 0.7. Generous to it: names go
 * through Kinship's transliteration first (without it, Arabic script never matches Latin).
 */
final class BaselineIndex implements AutoCloseable {

    static final double LIKELY = 0.7;

    record Hit(String id, double relativeScore) {
    }

    private final IndexWriter writer;
    private IndexSearcher searcher;

    BaselineIndex(Directory directory) throws IOException {
        writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()).setRAMBufferSizeMB(64));
    }

    void add(PersonProfile profile) throws IOException {
        Document doc = new Document();
        doc.add(new StringField("id", profile.id(), Field.Store.YES));
        codes(profile.givenNames()).forEach(c -> doc.add(new StringField("given", c, Field.Store.NO)));
        codes(profile.familyNames()).forEach(c -> doc.add(new StringField("family", c, Field.Store.NO)));
        writer.addDocument(doc);
    }

    void open() throws IOException {
        writer.commit();
        searcher = new IndexSearcher(DirectoryReader.open(writer));
    }

    List<Hit> search(PersonProfile profile, int limit) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String code : codes(profile.givenNames())) {
            query.add(new BoostQuery(new TermQuery(new Term("given", code)), 2f), Occur.SHOULD);
        }
        for (String code : codes(profile.familyNames())) {
            query.add(new BoostQuery(new TermQuery(new Term("family", code)), 1f), Occur.SHOULD);
        }
        TopDocs top = searcher.search(query.build(), limit);
        List<Hit> hits = new ArrayList<>();
        double best = top.scoreDocs.length == 0 ? 1 : top.scoreDocs[0].score;
        for (ScoreDoc doc : top.scoreDocs) {
            hits.add(new Hit(searcher.storedFields().document(doc.doc).get("id"), doc.score / best));
        }
        return hits;
    }

    private static List<String> codes(List<String> names) {
        List<String> codes = new ArrayList<>();
        for (String name : names) {
            for (String token : NameNormalizer.tokens(name)) {
                codes.addAll(NameKeys.doubleMetaphone(token));
            }
        }
        return codes.stream().distinct().toList();
    }

    @Override
    public void close() throws IOException {
        if (searcher != null) {
            searcher.getIndexReader().close();
        }
        writer.close();
    }
}
