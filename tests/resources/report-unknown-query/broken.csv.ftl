${doc.title}
