/// The socket, book and drawer counts lscpu prints for a CPU type: machines without books give sockets;
/// s390 gives sockets per book, then books, or books per drawer and drawers.
struct LscpuLevels: Equatable {
    var sockets: Int?
    var socketsPerBook: Int?
    var books: Int?
    var booksPerDrawer: Int?
    var drawers: Int?

    init(_ type: CPUInventory.CPUType) {
        guard type.books > 0 else {
            sockets = type.socketsPerBook > 0 ? type.socketsPerBook : type.sockets
            return
        }
        socketsPerBook = type.socketsPerBook
        if type.drawersPerSystem > 0 || type.drawers > 0 {
            booksPerDrawer = type.booksPerDrawer
            drawers = type.drawersPerSystem > 0 ? type.drawersPerSystem : type.drawers
        } else {
            books = type.booksPerDrawer > 0 ? type.booksPerDrawer : type.books
        }
    }
}
